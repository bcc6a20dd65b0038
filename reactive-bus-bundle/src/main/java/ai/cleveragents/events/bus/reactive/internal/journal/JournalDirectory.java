package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.json.EventCodec;

/** Prepares a journal directory and recovers the segments found in it. */
final class JournalDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(JournalDirectory.class);
    /** At most this many problems are logged one by one at opening; the rest are counted. */
    private static final int LOGGED_PROBLEMS = 10;

    private JournalDirectory() {
    }

    /**
     * What recovery found: bytes cut off the last segment, the last record left in the journal (where
     * the chain goes on), and the problems found on the way.
     */
    record Recovered(long truncatedBytes, JournalRecord last, List<JournalProblem> problems) {

        String lastEventId() {
            return last == null ? null : last.event().eventId();
        }

        long lastSeq() {
            return last == null ? 0 : last.seq();
        }

        String lastHash() {
            return last == null ? null : last.hash();
        }
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
                throw new IOException("cannot create journal directory " + dir + ": " + IoReasons.of(e), e);
            }
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("journal directory " + dir + " is not writable: Permission denied");
        }
        return dir;
    }

    /**
     * Cuts an unfinished write off the last segment (one WARN line if bytes were cut), checks the
     * segment and record sequences between segments (one WARN line per problem), and finds the last
     * record. Reads the first and last lines of each segment only.
     *
     * @param segments the segments, oldest first
     * @param codec    the codec
     * @return what was found
     * @throws IOException if a segment cannot be read or truncated; the message names it and the reason
     */
    static Recovered recover(List<SegmentFiles.Segment> segments, EventCodec codec) throws IOException {
        if (segments.isEmpty()) {
            return new Recovered(0, null, List.of());
        }
        Path lastPath = segments.get(segments.size() - 1).path();
        long cut;
        try {
            cut = TailRecovery.repair(lastPath);
        } catch (IOException e) {
            throw new IOException("cannot repair journal segment " + lastPath + ": " + IoReasons.of(e), e);
        }
        if (cut > 0) {
            LOG.warn("Journal recovery cut an unfinished write of {} bytes (after the last line feed) from {}",
                    cut, lastPath);
        }
        SequenceCheck check = new SequenceCheck();
        RecordDecoder decoder = new RecordDecoder(codec, true);
        for (SegmentFiles.Segment s : segments) {
            check.segment(s, ends(s.path(), decoder), s == segments.get(segments.size() - 1));
        }
        List<JournalProblem> problems = new ArrayList<>(check.problems());
        log(problems);
        return new Recovered(cut, check.last(), problems);
    }

    private static SegmentEnds ends(Path segment, RecordDecoder decoder) throws IOException {
        try {
            return SegmentEnds.of(segment, decoder);
        } catch (IOException e) {
            throw new IOException("cannot read journal segment " + segment + ": " + IoReasons.of(e), e);
        }
    }

    private static void log(List<JournalProblem> problems) {
        for (int i = 0; i < Math.min(LOGGED_PROBLEMS, problems.size()); i++) {
            LOG.warn("Journal problem found at opening: {}", problems.get(i));
        }
        if (problems.size() > LOGGED_PROBLEMS) {
            LOG.warn("Journal: {} more problems found at opening; run events:journal --verify",
                    problems.size() - LOGGED_PROBLEMS);
        }
    }
}
