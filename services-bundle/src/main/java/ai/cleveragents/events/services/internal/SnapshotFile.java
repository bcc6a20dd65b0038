package ai.cleveragents.events.services.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;

/**
 * A service's snapshot file: the entries it held after folding the journal up to one event, as wire-format
 * lines, between a header naming that event and a trailer holding the SHA-256 of everything before it.
 * Written to a temporary file (owner-only) that atomically replaces the previous snapshot; read strictly
 * (any damage makes the whole file unusable, never half of it). Thread-safe as far as the file system is:
 * one writer at a time.
 *
 * <pre>
 * {"snapshot":1,"service":"plans","last_event_id":"01J…","entries":2}
 * {…one entry as an event…}
 * {…}
 * {"sha256":"…64 hex digits…"}
 * </pre>
 */
final class SnapshotFile {

    private static final Pattern HEADER = Pattern.compile(
            "\\{\"snapshot\":1,\"service\":\"([a-z]+)\",\"last_event_id\":\"([0-9A-Z]{26})\",\"entries\":(\\d{1,9})}");
    private static final Pattern TRAILER = Pattern.compile("\\{\"sha256\":\"([0-9a-f]{64})\"}");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path path;
    private final String service;
    private final EventCodec codec = new EventCodec();

    /**
     * @param path    the snapshot file
     * @param service the service's name in the header, lower-case letters
     */
    SnapshotFile(Path path, String service) {
        this.path = path;
        this.service = service;
    }

    Path path() {
        return path;
    }

    /** What a snapshot holds. */
    record Content(String lastEventId, List<DomainEvent> entries) {
    }

    /**
     * @return the snapshot, or empty if there is none
     * @throws SnapshotException if it cannot be read or is not a whole, undamaged snapshot of this service
     */
    Optional<Content> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SnapshotException("cannot read " + path + ": " + e.getMessage());
        }
        List<int[]> lines = lines(bytes);
        if (lines.size() < 2) {
            throw new SnapshotException(path + " is not a snapshot: it has no header and trailer");
        }
        int[] last = lines.get(lines.size() - 1);
        Matcher trailer = TRAILER.matcher(text(bytes, last));
        if (!trailer.matches() || !trailer.group(1).equals(sha256(bytes, last[0]))) {
            throw new SnapshotException(path + " is damaged: its SHA-256 trailer is missing or does not match");
        }
        Matcher header = HEADER.matcher(text(bytes, lines.get(0)));
        if (!header.matches() || !header.group(1).equals(service)
                || Integer.parseInt(header.group(3)) != lines.size() - 2) {
            throw new SnapshotException(path + " is not a snapshot of the " + service + " (header, or count of entries)");
        }
        List<DomainEvent> entries = new ArrayList<>(lines.size() - 2);
        for (int i = 1; i < lines.size() - 1; i++) {
            int[] line = lines.get(i);
            try {
                entries.add(codec.decode(bytes, line[0], line[1] - line[0]));
            } catch (EventCodecException e) {
                throw new SnapshotException(path + " entry " + i + " does not decode: " + e.getMessage());
            }
        }
        return Optional.of(new Content(header.group(2), entries));
    }

    /**
     * Replaces the snapshot.
     *
     * @throws SnapshotException if an entry does not encode or the file cannot be written; the previous
     *                           snapshot is then left as it was
     */
    void write(String lastEventId, List<DomainEvent> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + entries.size() * 512);
        out.writeBytes(("{\"snapshot\":1,\"service\":\"" + service + "\",\"last_event_id\":\"" + lastEventId
                + "\",\"entries\":" + entries.size() + "}\n").getBytes(StandardCharsets.US_ASCII));
        for (DomainEvent entry : entries) {
            try {
                out.writeBytes(codec.encodeToBytes(entry));
            } catch (EventCodecException e) {
                throw new SnapshotException("an entry of the " + service + " does not encode: " + e.getMessage());
            }
            out.write('\n');
        }
        byte[] body = out.toByteArray();
        out.writeBytes(("{\"sha256\":\"" + sha256(body, body.length) + "\"}\n").getBytes(StandardCharsets.US_ASCII));
        replace(out.toByteArray());
    }

    private void replace(byte[] bytes) {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            if (POSIX) {
                Files.createDirectories(path.getParent(), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(path.getParent());
            }
            Files.deleteIfExists(tmp);
            if (POSIX) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(tmp, bytes, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SnapshotException("cannot write " + path + ": " + e.getMessage());
        }
    }

    /** @return [start, end) of each line, without its line feed; an unterminated last part too */
    private static List<int[]> lines(byte[] bytes) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(new int[] {start, bytes.length});
        }
        return lines;
    }

    private static String text(byte[] bytes, int[] line) {
        return new String(bytes, line[0], line[1] - line[0], StandardCharsets.ISO_8859_1);
    }

    private static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
