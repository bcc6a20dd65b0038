package ai.cleveragents.events.bus.reactive.internal.journal;

import ai.cleveragents.events.DomainEvent;

/**
 * One decoded journal line. A line written by version 1.0 is a bare event: {@code seq} 0, no hashes,
 * emitter {@value Emitters#UNKNOWN}.
 *
 * @param seq       the record's sequence number, from 1; 0 for a 1.0 line
 * @param prev      the previous record's hash, {@code null} for a 1.0 line
 * @param hash      this record's hash as written, {@code null} for a 1.0 line
 * @param hashValid whether {@code hash} matches the line's bytes (only when the decoder checks hashes;
 *                  else {@code true})
 * @param emitter   the emitting bundle
 * @param event     the event
 */
record JournalRecord(long seq, String prev, String hash, boolean hashValid, String emitter, DomainEvent event) {

    boolean isLegacy() {
        return hash == null;
    }
}
