package ai.cleveragents.events.bus.reactive.internal.journal;

import java.util.ArrayList;
import java.util.List;

import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalProblem.Kind;

/**
 * Walks a journal's segments and records in order and collects what is wrong with their order and
 * chain: missing or duplicate segment numbers, record sequence gaps and disorder, records that do not
 * link to the record before (that record, or this one's {@code prev}, was altered). After a problem it goes on from the record
 * it stopped at, so one removed range is one problem. Not thread-safe.
 */
final class SequenceCheck {

    private final List<JournalProblem> problems = new ArrayList<>();
    private SegmentFiles.Segment previousSegment;
    private JournalRecord last;
    private JournalRecord first;
    private long records;

    /** Checks a segment's number against the one before; call before its records. */
    void segment(SegmentFiles.Segment s) {
        if (previousSegment != null) {
            long expected = previousSegment.sequence() + 1;
            if (s.sequence() > expected) {
                add(Kind.MISSING_SEGMENT, name(s), -1, "segment" + range(expected, s.sequence() - 1)
                        + " missing before this one");
            } else if (s.sequence() < expected) {
                add(Kind.SEQUENCE_DISORDER, name(s), -1, "a second segment numbered " + s.sequence());
            }
        }
        previousSegment = s;
    }

    /**
     * Checks a segment by its ends only (at opening): its number, its first record against the last
     * record before it, lines at its end that are not records, and an unfinished line.
     */
    void segment(SegmentFiles.Segment s, SegmentEnds ends, boolean isLast) {
        segment(s);
        if (ends.first() != null) {
            record(name(s), -1, ends.first());
            last = ends.last();
        }
        if (ends.undecodableAtEnd() > 0) {
            add(Kind.UNDECODABLE, name(s), ends.undecodableFrom(), ends.undecodableAtEnd()
                    + " complete line(s) at the end are not records (kept, skipped by readers)");
        }
        if (!isLast && ends.tornFrom() >= 0) {
            torn(s, ends.tornFrom());
        }
    }

    /** Checks one record against the one before it. */
    void record(String segment, long offset, JournalRecord r) {
        records++;
        if (first == null) {
            first = r;
        }
        if (r.isLegacy()) {
            if (last != null && !last.isLegacy()) {
                add(Kind.BROKEN_CHAIN, segment, offset, "a record without seq and prev after record seq "
                        + last.seq());
            }
        } else {
            checkChained(segment, offset, r);
        }
        last = r;
    }

    private void checkChained(String segment, long offset, JournalRecord r) {
        if (last == null || last.isLegacy()) {
            return;
        }
        long expected = last.seq() + 1;
        if (r.seq() > expected) {
            add(Kind.SEQUENCE_GAP, segment, offset, "record" + range(expected, r.seq() - 1) + " missing");
        } else if (r.seq() < expected) {
            add(Kind.SEQUENCE_DISORDER, segment, offset, "record seq " + r.seq() + " after seq " + last.seq()
                    + " (duplicated or reordered)");
        } else if (!r.prev().equals(last.hash())) {
            add(Kind.BROKEN_CHAIN, segment, offset, "record seq " + r.seq() + " does not link to record seq "
                    + last.seq() + " (a record was altered or replaced)");
        }
    }

    /** Reports a complete line that is not a record. */
    void undecodable(String segment, long offset, String why) {
        add(Kind.UNDECODABLE, segment, offset, "not a journal record: " + why);
    }

    /** Reports bytes after the last line feed of a segment. */
    void torn(SegmentFiles.Segment s, long offset) {
        add(Kind.TORN_TAIL, name(s), offset, "an unfinished line after the last line feed");
    }

    /** Reports a segment that could not be read. */
    void unreadable(SegmentFiles.Segment s, String reason) {
        add(Kind.UNREADABLE, name(s), -1, reason);
    }

    List<JournalProblem> problems() {
        return problems;
    }

    /** @return the last record seen, or {@code null} */
    JournalRecord last() {
        return last;
    }

    /** @return the first record seen, or {@code null} */
    JournalRecord first() {
        return first;
    }

    long records() {
        return records;
    }

    private void add(Kind kind, String segment, long offset, String detail) {
        problems.add(new JournalProblem(kind, segment, offset, detail));
    }

    static String name(SegmentFiles.Segment s) {
        return s.path().getFileName().toString();
    }

    private static String range(long from, long to) {
        return from == to ? " " + from : "s " + from + ".." + to;
    }
}
