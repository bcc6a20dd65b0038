package ai.cleveragents.events.bus.reactive.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.bus.reactive.internal.journal.Checkpoint;

/**
 * The stored checkpoint of one named catch-up handler: {@code <journal>/checkpoints/<name>.checkpoint},
 * owner read/write only in an owner-only directory, two lines {@code seq=<n>} and
 * {@code event_id=<ULID>}. Written atomically (a temporary file, forced, then renamed over the old one),
 * so a crash leaves the old or the new checkpoint, never a mix. Not thread-safe: one handler owns a name.
 */
final class CheckpointFile {

    /** The allowed names, as stated in errors. */
    static final String NAMES = "1 to 64 of A-Z a-z 0-9 . _ - not starting with a dot";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
    private static final Pattern CONTENT = Pattern.compile("seq=(\\d{1,18})\nevent_id=([0-9A-Z]{26})\n");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;
    private final Path temporary;

    private CheckpointFile(Path directory, String name) {
        this.file = directory.resolve(name + ".checkpoint");
        this.temporary = directory.resolve(name + ".checkpoint.tmp");
    }

    /**
     * @param journalDirectory the journal's directory
     * @param name             the {@value EventBusConstants#EVENT_CHECKPOINT} name
     * @return the checkpoint file of that name
     * @throws IllegalArgumentException if the name is not allowed; the message names the property and the rule
     */
    static CheckpointFile of(Path journalDirectory, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid " + EventBusConstants.EVENT_CHECKPOINT + ": a name is " + NAMES);
        }
        return new CheckpointFile(journalDirectory.resolve("checkpoints"), name);
    }

    Path path() {
        return file;
    }

    /**
     * @return the stored checkpoint, empty if none was stored yet
     * @throws IOException if the file cannot be read or is not a checkpoint; the message names the file and
     *                     the expected content, never quotes it
     */
    Optional<Checkpoint> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        Matcher m = CONTENT.matcher(new String(bytes, StandardCharsets.US_ASCII));
        if (bytes.length > 128 || !m.matches() || !DomainEvent.isValidEventId(m.group(2))) {
            throw new IOException("corrupt checkpoint file " + file + ": expected the lines seq=<number> and"
                    + " event_id=<ULID>; delete it to start again from " + EventBusConstants.EVENT_FROM);
        }
        return Optional.of(new Checkpoint(Long.parseLong(m.group(1)), m.group(2)));
    }

    /**
     * Replaces the stored checkpoint atomically.
     *
     * @throws IOException if it cannot be written; the old one is then still in place
     */
    void write(Checkpoint checkpoint) throws IOException {
        Files.createDirectories(file.getParent(), ownerOnly("rwx------"));
        byte[] content = ("seq=" + checkpoint.seq() + "\nevent_id=" + checkpoint.eventId() + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        Files.deleteIfExists(temporary);
        try (FileChannel ch = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ownerOnly("rw-------"))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static FileAttribute<?>[] ownerOnly(String mode) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }
}
