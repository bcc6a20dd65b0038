package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Leader/follower group commit. An appender that needs its event durable becomes the leader if no
 * {@code fsync} is running and forces the segment itself, covering every event written so far; the
 * others wait for it. Events written while an {@code fsync} runs are covered by the next one, started
 * by one of their own writers as soon as the running one ends — so a lone appender never waits for a
 * timer, and under load one {@code fsync} acknowledges many events.
 *
 * <p>Before forcing, a leader lingers briefly so that appenders about to write join its batch instead
 * of paying for the next {@code fsync}: while other appenders are in the middle of an append (they
 * have entered it but not written yet), or while fewer events are pending than the previous batch
 * held (steady emitters come back at that rate). It stops once {@code maxEvents} are pending, and
 * after {@code interval} at the latest. A lone appender (previous batch of one, nobody else writing)
 * never lingers; if emitters stop, the next batch is smaller and lingering stops with it. Thread-safe.
 */
final class GroupCommitter {

    private static final long LINGER_STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    /** Forces the segment; returns the sequence number of the last event it made durable. */
    interface Sync {
        long force() throws IOException;
    }

    private final Sync sync;
    private final AtomicInteger writing;
    private final LongSupplier pending;
    private final long intervalNanos;
    private final int maxEvents;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition synced = lock.newCondition();
    /** Guarded by {@link #lock}: whether a leader is forcing. */
    private boolean syncing;
    /** Guarded by {@link #lock}: the last sequence number known durable. */
    private long durable;
    /** Guarded by {@link #lock}: the {@code fsync} failure that ended this committer, if any. */
    private IOException failure;
    /** Guarded by {@link #lock}: how many events the previous {@code fsync} made durable. */
    private long previousBatch = 1;

    /**
     * @param sync      forces the segment
     * @param writing   how many appenders are between entering {@code append} and having written
     * @param pending   how many written events are not yet durable
     * @param interval  the longest a leader lingers, in milliseconds
     * @param maxEvents a leader stops lingering once this many events are pending
     */
    GroupCommitter(Sync sync, AtomicInteger writing, LongSupplier pending, long interval, int maxEvents) {
        this.sync = sync;
        this.writing = writing;
        this.pending = pending;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(interval);
        this.maxEvents = maxEvents;
    }

    /**
     * Returns once the event with sequence number {@code sequence} is durable.
     *
     * @param sequence the event's sequence number
     * @throws IOException if the {@code fsync} covering it (or an earlier one) failed
     */
    void awaitDurable(long sequence) throws IOException {
        lock.lock();
        try {
            while (durable < sequence) {
                if (failure != null) {
                    throw failure;
                }
                if (syncing) {
                    synced.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held; releases it while lingering and forcing. */
    private void lead() {
        syncing = true;
        long before = durable;
        long target = Math.min(maxEvents, previousBatch);
        lock.unlock();
        long done = -1;
        IOException failed = null;
        try {
            linger(target);
            done = sync.force();
        } catch (IOException e) {
            failed = e;
        } finally {
            lock.lock();
            syncing = false;
            previousBatch = Math.max(1, done - before);
            durable = Math.max(durable, done);
            if (failed != null) {
                failure = failed;
            }
            synced.signalAll();
        }
    }

    /** Waits (at most the interval) until {@code target} events are pending and nobody is mid-append. */
    private void linger(long target) {
        long deadline = System.nanoTime() + intervalNanos;
        while (System.nanoTime() - deadline < 0) {
            long waiting = pending.getAsLong();
            if (waiting >= maxEvents || (waiting >= target && writing.get() == 0)) {
                return;
            }
            LockSupport.parkNanos(LINGER_STEP_NANOS);
        }
    }
}
