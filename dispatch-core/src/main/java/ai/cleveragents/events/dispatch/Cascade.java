package ai.cleveragents.events.dispatch;

import java.util.ArrayDeque;

import ai.cleveragents.events.DomainEvent;

/**
 * One thread's delivery in progress on one engine. Events that handlers emit while it runs (re-entrant
 * emits) have already passed the bus's stage (journal, stream) and wait here to be delivered after the
 * event being delivered, in the order they were emitted; so every handler sees events in journal order,
 * and a cascade of emits never deepens the stack. Confined to its thread.
 */
final class Cascade {

    /** How many re-entrant emits one outermost emit may cause; later ones are refused. */
    static final int MAX_NESTED = 1_000;

    /** An accepted re-entrant emit waiting for delivery. */
    record Pending(DomainEvent event, boolean elsewhere) {
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private boolean delivering;
    private int nested;
    /** The handler being invoked, or {@code null}: whoever emits now is that handler. */
    private Registration current;

    /** @return {@code true} while this thread delivers an event of this engine */
    boolean isDelivering() {
        return delivering;
    }

    /** @return {@code true} if {@code n} more re-entrant emits stay within {@link #MAX_NESTED} */
    boolean hasRoomFor(int n) {
        return nested + n <= MAX_NESTED;
    }

    /** Queues a re-entrant emit. */
    void defer(DomainEvent event, boolean elsewhere) {
        nested++;
        pending.addLast(new Pending(event, elsewhere));
    }

    /** Marks the start of an outermost delivery. */
    void begin() {
        delivering = true;
    }

    /** @return the next queued emit, or {@code null} when the cascade is done */
    Pending next() {
        return pending.pollFirst();
    }

    /** Marks the end of the outermost delivery, normal or not. */
    void end() {
        delivering = false;
        nested = 0;
        pending.clear();
        current = null;
    }

    Registration current() {
        return current;
    }

    void invoking(Registration r) {
        current = r;
    }
}
