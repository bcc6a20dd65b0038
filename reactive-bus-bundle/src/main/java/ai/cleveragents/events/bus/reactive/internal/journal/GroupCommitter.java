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
 * <p>Before forcing, a leader lingers briefly while other appenders are in the middle of writing (they
 * have entered {@code append} but not written yet) and fewer than {@code maxEvents} are pending: at
 * most {@code interval}, and never when nobody else is writing. Thread-safe.
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
        lock.unlock();
        long done = -1;
        IOException failed = null;
        try {
            linger();
            done = sync.force();
        } catch (IOException e) {
            failed = e;
        } finally {
            lock.lock();
            syncing = false;
            durable = Math.max(durable, done);
            if (failed != null) {
                failure = failed;
            }
            synced.signalAll();
        }
    }

    private void linger() {
        long deadline = System.nanoTime() + intervalNanos;
        while (writing.get() > 0 && pending.getAsLong() < maxEvents && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(LINGER_STEP_NANOS);
        }
    }
}
