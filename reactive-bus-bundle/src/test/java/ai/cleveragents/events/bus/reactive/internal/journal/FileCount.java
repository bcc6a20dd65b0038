package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counts what a journal directory holds on disk. */
final class FileCount {

    private FileCount() {
    }

    /** @return the number of lines in every segment of {@code dir} */
    static long lines(Path dir) throws IOException {
        long n = 0;
        for (SegmentFiles.Segment s : SegmentFiles.list(dir)) {
            n += Files.readAllLines(s.path()).size();
        }
        return n;
    }
}
