package ai.cleveragents.events.bus.reactive.internal.journal;

/**
 * Told how far a catch-up subscription got, so a checkpoint can be kept. Called on the subscription's
 * thread, one call at a time.
 */
public interface CatchUpProgress {

    /** Keeps no checkpoint. */
    CatchUpProgress NONE = new CatchUpProgress() {
    };

    /**
     * A record was consumed: delivered to the handler (which has returned), or skipped by the type filter.
     *
     * @param checkpoint the record
     */
    default void consumed(Checkpoint checkpoint) {
    }

    /** Every readable record was consumed; the subscription is about to wait for more. */
    default void caughtUp() {
    }

    /** The subscription stopped: closed, or its journal closed. Last call. */
    default void ended() {
    }
}
