package ai.cleveragents.events.services.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a component instance's rebuild see every change its predecessor made. SCR deactivates the old
 * instance (a journal swapped, a configuration change, the bundle restarted) before it activates the
 * new one, but a call already running on the old instance may still be emitting: its events would land
 * in the journal after the new instance's replay had passed, and be missing from its state until the
 * next restart. So every change runs under the read side of a lock shared by all instances of one
 * service in this bundle, and a rebuild under its write side: the rebuild starts once the changes in
 * progress have ended (waiting at most {@value #WAIT_MILLIS} ms), and a change started on a deactivated
 * instance fails instead of slipping past the replay. Thread-safe.
 */
final class Handover {

    /** How long a rebuild waits for the changes in progress on a deactivated instance. */
    static final long WAIT_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(Handover.class);
    private static final ReentrantReadWriteLock PLANS = new ReentrantReadWriteLock();
    private static final ReentrantReadWriteLock DECISIONS = new ReentrantReadWriteLock();

    private final ReentrantReadWriteLock lock;
    private final String service;
    private volatile boolean closed;

    private Handover(ReentrantReadWriteLock lock, String service) {
        this.lock = lock;
        this.service = service;
    }

    /** @return a handover for a plan service instance */
    static Handover plans() {
        return new Handover(PLANS, "plan service");
    }

    /** @return a handover for a decision service instance */
    static Handover decisions() {
        return new Handover(DECISIONS, "decision service");
    }

    /**
     * Runs a rebuild once the changes in progress on earlier instances have ended.
     *
     * @param rebuild the rebuild
     * @return its result
     */
    <T> T takeOver(Supplier<T> rebuild) {
        boolean quiet = false;
        try {
            quiet = lock.writeLock().tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!quiet) {
            LOG.warn("{}: a change on the previous instance was still running after {} ms; rebuilding anyway, so"
                    + " its events are applied at the next restart", service, WAIT_MILLIS);
        }
        try {
            return rebuild.get();
        } finally {
            if (quiet) {
                lock.writeLock().unlock();
            }
        }
    }

    /**
     * Runs a change of this instance.
     *
     * @param change the change
     * @return its result
     * @throws IllegalStateException if this instance was deactivated
     */
    <T> T change(Supplier<T> change) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("this " + service + " was deactivated: get the service again");
            }
            return change.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Refuses every later change: the instance is being deactivated. */
    void close() {
        closed = true;
    }
}
