package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;

/** Prepares a journal directory and recovers the segments found in it. */
final class JournalDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(JournalDirectory.class);

    private JournalDirectory() {
    }

    /** What recovery found: bytes cut off the last segment, and the last event left in the journal. */
    record Recovered(long truncatedBytes, String lastEventId) {
    }

    /**
     * Creates the directory (0700) with missing parents, and checks it is a writable directory.
     *
     * @return the absolute directory
     * @throws IOException naming the path and the reason if it cannot be used
     */
    static Path prepare(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, SegmentFiles.ownerOnlyDirectory());
            } catch (IOException e) {
                throw new IOException("cannot create journal directory " + dir + ": " + reason(e), e);
            }
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("journal directory " + dir + " is not writable");
        }
        return dir;
    }

    /**
     * Repairs the last segment's tail (logging one WARN line if bytes were cut) and finds the last event.
     *
     * @param segments the segments, oldest first
     * @param codec    the codec
     * @return what was found
     * @throws IOException if a segment cannot be read or truncated
     */
    static Recovered recover(List<SegmentFiles.Segment> segments, EventCodec codec) throws IOException {
        if (segments.isEmpty()) {
            return new Recovered(0, null);
        }
        Path last = segments.get(segments.size() - 1).path();
        long cut = TailRecovery.repair(last, codec);
        if (cut > 0) {
            LOG.warn("Journal recovery truncated a torn or garbage tail of {} bytes from {}", cut, last);
        }
        for (int i = segments.size() - 1; i >= 0; i--) {
            DomainEvent event = TailRecovery.lastEvent(segments.get(i).path(), codec);
            if (event != null) {
                return new Recovered(cut, event.eventId());
            }
        }
        return new Recovered(cut, null);
    }

    private static String reason(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }
}
