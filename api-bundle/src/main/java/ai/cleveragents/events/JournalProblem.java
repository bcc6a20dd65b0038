package ai.cleveragents.events;

import java.util.Objects;

/**
 * One thing wrong in a journal, as found by {@link EventJournal#verify()} or when the journal was
 * opened: where it is (a segment file name and a byte offset in it) and what is wrong.
 *
 * @param kind    what is wrong
 * @param segment the segment file's name (not its path), or {@code "-"} for the journal as a whole
 * @param offset  the byte offset in the segment where the problem starts, or -1 when it concerns the
 *                segment as a whole
 * @param detail  a one-line description for a person, naming the range of missing records where there
 *                is one; never contains event content
 * @since 1.1
 */
public record JournalProblem(Kind kind, String segment, long offset, String detail) {

    /** What can be wrong in a journal. */
    public enum Kind {
        /** Segment files are missing between two present ones (a deleted segment). */
        MISSING_SEGMENT,
        /** Record sequence numbers jump forward: records are missing (an emptied or cut segment, deleted lines). */
        SEQUENCE_GAP,
        /** A record's sequence number does not increase: a duplicated, reordered or replayed record. */
        SEQUENCE_DISORDER,
        /** A record's own hash or its link to the previous record does not match: altered bytes. */
        BROKEN_CHAIN,
        /** A complete line that is not a journal record (garbage, or an altered record that no longer parses). */
        UNDECODABLE,
        /** Bytes after the last line feed of a segment: an unfinished write (only the last segment may have one). */
        TORN_TAIL,
        /** A segment file that cannot be read; the detail gives the reason. */
        UNREADABLE
    }

    /**
     * @throws NullPointerException if {@code kind}, {@code segment} or {@code detail} is {@code null}
     */
    public JournalProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(detail, "detail");
    }

    /** @return one line: kind, segment, offset and detail */
    @Override
    public String toString() {
        return kind + " " + segment + (offset >= 0 ? " @" + offset : "") + ": " + detail;
    }
}
