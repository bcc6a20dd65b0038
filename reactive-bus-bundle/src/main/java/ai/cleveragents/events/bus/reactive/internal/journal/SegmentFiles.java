package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and lists segment files: {@code events-<sequence>-<first-event-id>.jsonl}, the sequence a
 * zero-padded counter giving the order, the id that of the segment's first event.
 */
final class SegmentFiles {

    private static final Pattern NAME = Pattern.compile("events-(\\d{16})-([0-9A-Z]{26})\\.jsonl");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SegmentFiles() {
    }

    /** A segment file and the sequence number taken from its name. */
    record Segment(Path path, long sequence) {
    }

    static String name(long sequence, String firstEventId) {
        return String.format("events-%016d-%s.jsonl", sequence, firstEventId);
    }

    /** @return the segments in {@code directory}, oldest first; other files are ignored */
    static List<Segment> list(Path directory) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "events-*.jsonl")) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    segments.add(new Segment(file, Long.parseLong(m.group(1))));
                }
            }
        }
        segments.sort(Comparator.comparingLong(Segment::sequence));
        return segments;
    }

    /** @return attributes making a new file owner read/write only, where the file system has POSIX modes */
    static FileAttribute<?>[] ownerOnlyFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    /** @return attributes making a new directory owner-only, where the file system has POSIX modes */
    static FileAttribute<?>[] ownerOnlyDirectory() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];
    }
}
