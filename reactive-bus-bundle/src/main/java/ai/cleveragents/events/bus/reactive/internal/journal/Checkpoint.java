package ai.cleveragents.events.bus.reactive.internal.journal;

import java.util.Objects;

/**
 * How far a catch-up subscription got: the journal sequence number and the event id of the last record
 * it consumed (delivered, or skipped by its type filter).
 *
 * @param seq     the record's sequence number; 0 for a record written by version 1.0 (which has none)
 * @param eventId the record's event id
 */
public record Checkpoint(long seq, String eventId) {

    /**
     * @throws NullPointerException     if {@code eventId} is {@code null}
     * @throws IllegalArgumentException if {@code seq} is negative
     */
    public Checkpoint {
        Objects.requireNonNull(eventId, "eventId");
        if (seq < 0) {
            throw new IllegalArgumentException("negative sequence number " + seq);
        }
    }
}
