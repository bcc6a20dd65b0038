package ai.cleveragents.events.bridge.kafka.internal;

import java.util.ArrayDeque;

/**
 * The outbound events sent and not yet acknowledged, in journal order, bounded: {@link #add} waits while
 * {@code capacity} are pending, which holds the journal subscription back (backpressure). The broker may
 * acknowledge records of different partitions out of order; {@link #ackedThrough()} is the last event of
 * the acknowledged prefix, so a checkpoint taken from it never skips an unacknowledged event.
 * Thread-safe: every field is guarded by {@code this}.
 */
final class AckWindow {

    /** One pending event. */
    static final class Slot {
        private final String eventId;
        private final long sentNanos;
        private boolean acked;

        Slot(String eventId, long sentNanos) {
            this.eventId = eventId;
            this.sentNanos = sentNanos;
        }
    }

    private final int capacity;
    /** Guarded by {@code this}. */
    private final ArrayDeque<Slot> pending = new ArrayDeque<>();
    /** Guarded by {@code this}. */
    private String ackedThrough;
    /** Guarded by {@code this}: bumped by {@link #reset}, which releases waiting adders. */
    private long generation;

    AckWindow(int capacity, String ackedThrough) {
        this.capacity = capacity;
        this.ackedThrough = ackedThrough;
    }

    /**
     * Adds an event, waiting while the window is full.
     *
     * @return its slot, or {@code null} if the window was {@linkplain #reset reset} while waiting
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized Slot add(String eventId, long nowNanos) throws InterruptedException {
        long g = generation;
        while (pending.size() >= capacity && g == generation) {
            wait();
        }
        if (g != generation) {
            return null;
        }
        Slot s = new Slot(eventId, nowNanos);
        pending.addLast(s);
        return s;
    }

    /** Marks the slot acknowledged and moves the acknowledged prefix on. */
    synchronized void ack(Slot slot) {
        slot.acked = true;
        boolean moved = false;
        while (!pending.isEmpty() && pending.peekFirst().acked) {
            ackedThrough = pending.pollFirst().eventId;
            moved = true;
        }
        if (moved) {
            notifyAll();
        }
    }

    /**
     * Moves the acknowledged prefix to an event that needs no sending (the journal's last event when
     * starting at {@code latest}).
     *
     * @throws IllegalStateException if events are pending
     */
    synchronized void skipTo(String eventId) {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("events are pending");
        }
        ackedThrough = eventId;
    }

    /** @return the last event id of the acknowledged prefix, {@code null} if none yet */
    synchronized String ackedThrough() {
        return ackedThrough;
    }

    synchronized int pending() {
        return pending.size();
    }

    /** @return when the oldest pending event was sent ({@link System#nanoTime()}), or {@code fallback} if none */
    synchronized long oldestSentNanos(long fallback) {
        return pending.isEmpty() ? fallback : pending.peekFirst().sentNanos;
    }

    /** Forgets every pending event (they will be sent again) and releases waiting adders. */
    synchronized void reset() {
        pending.clear();
        release();
    }

    /** Releases waiting adders ({@link #add} returns {@code null}); pending events stay tracked. */
    synchronized void release() {
        generation++;
        notifyAll();
    }
}
