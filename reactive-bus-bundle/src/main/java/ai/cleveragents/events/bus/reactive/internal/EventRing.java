package ai.cleveragents.events.bus.reactive.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import ai.cleveragents.events.DomainEvent;

/**
 * A stream subscriber's bounded buffer: a lock-free ring for any number of emitting threads and one
 * consuming thread (D. Vyukov's bounded queue: each slot carries a sequence number telling producers
 * and the consumer whose turn it is; here doubled, so that a ring of one slot can tell "free for
 * position p" ({@code 2p}) from "holds position p - 1" ({@code 2p - 1})). Emitters never take a lock, so an emitter and the subscriber's
 * thread no longer contend, and park and unpark each other, on every event as they did on an
 * {@code ArrayBlockingQueue}'s lock.
 *
 * <p>{@link #offer} is safe from any thread; {@link #poll}, {@link #isEmpty} and {@link #clear} only from
 * the consuming thread.
 */
final class EventRing {

    private final int capacity;
    private final AtomicReferenceArray<DomainEvent> slots;
    /**
     * For slot {@code i} and a position {@code p} with {@code p % capacity == i}: {@code 2p} when the slot
     * is free for {@code p}, {@code 2p + 1} when it holds {@code p}.
     */
    private final AtomicLongArray sequences;
    private final AtomicLong tail = new AtomicLong();
    /** The next position to consume; written only by the consuming thread. */
    private long head;

    EventRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
        this.sequences = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            sequences.set(i, 2L * i);
        }
    }

    int capacity() {
        return capacity;
    }

    /** @return {@code false} if the ring is full */
    boolean offer(DomainEvent event) {
        long position = tail.get();
        while (true) {
            int slot = (int) (position % capacity);
            long difference = sequences.getAcquire(slot) - 2 * position;
            if (difference == 0) {
                if (tail.compareAndSet(position, position + 1)) {
                    slots.setPlain(slot, event);
                    sequences.setRelease(slot, 2 * position + 1);
                    return true;
                }
                position = tail.get();
            } else if (difference < 0) {
                return false;
            } else {
                position = tail.get();
            }
        }
    }

    /** @return the oldest event, or {@code null} if none is ready */
    DomainEvent poll() {
        int slot = (int) (head % capacity);
        if (sequences.getAcquire(slot) != 2 * head + 1) {
            return null;
        }
        DomainEvent event = slots.getPlain(slot);
        slots.setPlain(slot, null);
        sequences.setRelease(slot, 2 * (head + capacity));
        head++;
        return event;
    }

    /** A volatile read: ordered after the caller's own volatile writes (the parking handshake). */
    boolean isEmpty() {
        return sequences.get((int) (head % capacity)) != 2 * head + 1;
    }

    /** Drops every ready event. */
    void clear() {
        DomainEvent dropped;
        do {
            dropped = poll();
        } while (dropped != null);
    }
}
