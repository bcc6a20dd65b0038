package ai.cleveragents.events;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link EventJournal#verify()}: what was read and every problem found, in journal
 * order.
 *
 * @param segments    how many segment files were read
 * @param records     how many records decoded (including those a problem was reported on)
 * @param firstSeq    the sequence number of the first record, or 0 when there is none
 * @param lastSeq     the sequence number of the last record, or 0 when there is none
 * @param headHash    the hash of the last record (SHA-256 of its line, unpadded base64url, as the
 *                    next record's {@code prev} will hold it), or an empty string when there is none;
 *                    recording it elsewhere lets a later check prove that nothing up to and including
 *                    the last record was rewritten
 * @param problems    every problem found; empty when the journal is intact
 * @since 1.1
 */
public record JournalReport(int segments, long records, long firstSeq, long lastSeq, String headHash,
        List<JournalProblem> problems) {

    /**
     * @throws NullPointerException if {@code headHash} or {@code problems} is {@code null}
     */
    public JournalReport {
        Objects.requireNonNull(headHash, "headHash");
        problems = List.copyOf(problems);
    }

    /** @return {@code true} if no problem was found */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /** @return one line summing up the report, for a person */
    public String summary() {
        return (isClean() ? "journal OK: " : "journal has " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ": ") + records + " records in " + segments
                + " segment" + (segments == 1 ? "" : "s")
                + (records == 0 ? "" : ", seq " + firstSeq + ".." + lastSeq + ", head " + headHash);
    }
}
