package ai.cleveragents.events.bridge.kafka.internal;

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

/**
 * A small text file replaced atomically (write to a temporary file, force, rename), readable and writable
 * by its owner only (0600, directory 0700). Not thread-safe: one writer at a time.
 */
final class OwnerOnlyFile {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final int MAX_BYTES = 256;

    private final Path file;
    private final Path temporary;

    OwnerOnlyFile(Path file) {
        this.file = file;
        this.temporary = file.resolveSibling(file.getFileName() + ".tmp");
    }

    Path path() {
        return file;
    }

    /**
     * @return the content, empty if the file does not exist
     * @throws IOException if it cannot be read or is larger than a few hundred bytes
     */
    Optional<String> read() throws IOException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("corrupt file " + file + ": larger than " + MAX_BYTES + " bytes");
            }
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the content atomically.
     *
     * @throws IOException if it cannot be written; the old content is then still in place
     */
    void write(String content) throws IOException {
        Files.createDirectories(file.getParent(), ownerOnly("rwx------"));
        Files.deleteIfExists(temporary);
        try (FileChannel ch = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ownerOnly("rw-------"))) {
            ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
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
