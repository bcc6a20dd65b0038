package ai.cleveragents.events.bus.reactive.internal.journal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Sequence numbers and counters of a journal. Events are numbered from 1 in the order they are written
 * since the journal was opened. Thread-safe: writes happen under the journal's write lock, durability
 * marks may come from a group commit leader outside it.
 */
final class JournalCounters {

    private final AtomicLong fsyncs = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final long truncatedBytes;
    private volatile long writtenSequence;
    private volatile String lastWrittenId;
    /** Guarded by {@code this}, with {@link #lastDurableId}. */
    private volatile long durableSequence;
    private volatile String lastDurableId;
    /** Run after the durable sequence advanced. */
    private final Runnable onDurable;

    /**
     * @param truncatedBytes bytes cut off by recovery
     * @param lastEventId    the last event found in the journal on opening, or {@code null}
     * @param onDurable      run after the durable sequence advanced
     */
    JournalCounters(long truncatedBytes, String lastEventId, Runnable onDurable) {
        this.truncatedBytes = truncatedBytes;
        this.onDurable = onDurable;
        this.lastWrittenId = lastEventId;
        this.lastDurableId = lastEventId;
    }

    /** Called under the write lock after an event was written; returns its sequence number. */
    long written(String eventId, int length) {
        bytes.addAndGet(length);
        lastWrittenId = eventId;
        return ++writtenSequence;
    }

    /** Marks every event up to {@code sequence}, the last of them {@code eventId}, durable. */
    void durable(long sequence, String eventId) {
        synchronized (this) {
            if (sequence <= durableSequence) {
                return;
            }
            durableSequence = sequence;
            lastDurableId = eventId;
        }
        onDurable.run();
    }

    void fsynced() {
        fsyncs.incrementAndGet();
    }

    long writtenSequence() {
        return writtenSequence;
    }

    long durableSequence() {
        return durableSequence;
    }

    String lastWrittenId() {
        return lastWrittenId;
    }

    String lastDurableId() {
        return lastDurableId;
    }

    /** @return events written but not yet forced */
    long lag() {
        return writtenSequence - durableSequence;
    }

    JournalStats snapshot(int segments) {
        return new JournalStats(writtenSequence, fsyncs.get(), bytes.get(), Math.max(0, lag()), segments,
                truncatedBytes);
    }
}
