package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

import ai.cleveragents.events.JournalReport;
import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;

/**
 * Reads every line of a journal and checks it: each complete line must be a record whose sequence
 * number follows the one before and whose {@code prev} is the hash of the record before; segment
 * numbers must follow each other; no segment may end in an unfinished line. The first record's
 * {@code prev} is not checked: retention deletes whole segments from the start. The last record's hash
 * is reported as the head hash: kept elsewhere, it shows later whether that record was altered.
 */
final class JournalVerifier {

    private final RecordDecoder decoder;
    private final SequenceCheck check = new SequenceCheck();

    private JournalVerifier(EventCodec codec) {
        this.decoder = new RecordDecoder(codec, true);
    }

    /**
     * @param extents the segments to read, oldest first, each up to where it holds whole lines
     * @param codec   decodes the events
     * @return the report
     */
    static JournalReport verify(List<ReplayCursor.Extent> extents, EventCodec codec) {
        JournalVerifier v = new JournalVerifier(codec);
        int read = 0;
        for (ReplayCursor.Extent e : extents) {
            read += v.segment(e) ? 1 : 0;
        }
        return v.report(read);
    }

    /** @return {@code false} if the segment was deleted before it was reached */
    private boolean segment(ReplayCursor.Extent extent) {
        SegmentFiles.Segment segment = extent.segment();
        check.segment(segment);
        String name = SequenceCheck.name(segment);
        try (LineReader lines = extent.openLines()) {
            while (lines.next()) {
                line(segment, name, lines);
            }
            return true;
        } catch (NoSuchFileException deletedByRetention) {
            return false;
        } catch (IOException e) {
            check.unreadable(segment, IoReasons.of(e));
            return true;
        }
    }

    private void line(SegmentFiles.Segment segment, String name, LineReader lines) {
        if (!lines.terminated()) {
            check.torn(segment, lines.lineStart());
        } else if (lines.overlong()) {
            check.undecodable(name, lines.lineStart(), "a line over " + LineReader.MAX_LINE + " bytes");
        } else if (lines.length() == 0) {
            check.undecodable(name, lines.lineStart(), "an empty line");
        } else {
            try {
                check.record(name, lines.lineStart(), decoder.decode(lines.bytes(), lines.length()));
            } catch (EventCodecException e) {
                check.undecodable(name, lines.lineStart(), e.getMessage());
            }
        }
    }

    private JournalReport report(int segments) {
        JournalRecord first = check.first();
        JournalRecord last = check.last();
        return new JournalReport(segments, check.records(), first == null ? 0 : first.seq(),
                last == null ? 0 : last.seq(), last == null || last.hash() == null ? "" : last.hash(),
                check.problems());
    }
}
