package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes whole closed segments, oldest first: those last written more than the maximum age ago, then
 * more while the closed segments plus a full active segment exceed the maximum size (so the directory
 * stays within it until the active segment rotates). The active segment is never deleted.
 */
final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Duration maxAge;
    private final long maxBytes;
    private final long segmentMaxBytes;

    Retention(Duration maxAge, long maxBytes, long segmentMaxBytes) {
        this.maxAge = maxAge;
        this.maxBytes = maxBytes;
        this.segmentMaxBytes = segmentMaxBytes;
    }

    /**
     * @param segments every segment, oldest first, the active one last
     * @param now      the current time
     * @return how many segments remain
     * @throws IOException if the segments cannot be inspected
     */
    int apply(List<SegmentFiles.Segment> segments, Instant now) throws IOException {
        if (segments.isEmpty()) {
            return 0;
        }
        List<SegmentFiles.Segment> closed = segments.subList(0, segments.size() - 1);
        long total = Math.max(segmentMaxBytes, sizeOf(segments.get(segments.size() - 1).path()));
        for (SegmentFiles.Segment s : closed) {
            total += sizeOf(s.path());
        }
        int remaining = segments.size();
        for (SegmentFiles.Segment s : closed) {
            long size = sizeOf(s.path());
            if (tooOld(s.path(), now) || tooBig(total)) {
                delete(s.path());
                total -= size;
                remaining--;
            }
        }
        return remaining;
    }

    private boolean tooOld(Path segment, Instant now) throws IOException {
        return !maxAge.isZero() && lastModified(segment).plus(maxAge).isBefore(now);
    }

    private boolean tooBig(long total) {
        return maxBytes > 0 && total > maxBytes;
    }

    private static void delete(Path segment) throws IOException {
        Files.deleteIfExists(segment);
        LOG.info("Journal retention deleted segment {}", segment);
    }

    private static long sizeOf(Path segment) throws IOException {
        return Files.size(segment);
    }

    private static Instant lastModified(Path segment) throws IOException {
        return Files.getLastModifiedTime(segment).toInstant();
    }
}
