package ai.cleveragents.events.bus.reactive.internal.journal;

import ai.cleveragents.events.DomainEvent;

/**
 * One decoded journal line. A line written by version 1.0 is a bare event: {@code seq} 0, no hashes,
 * emitter {@value ai.cleveragents.events.dispatch.Emitters#UNKNOWN}.
 *
 * @param seq     the record's sequence number, from 1; 0 for a 1.0 line
 * @param prev    the previous record's hash as written, {@code null} for a 1.0 line
 * @param hash    the hash of this record's line, which the next record's {@code prev} must equal;
 *                {@code null} for a 1.0 line or when the decoder does not compute hashes
 * @param emitter the emitting bundle
 * @param event   the event
 */
record JournalRecord(long seq, String prev, String hash, String emitter, DomainEvent event) {

    boolean isLegacy() {
        return prev == null;
    }
}
