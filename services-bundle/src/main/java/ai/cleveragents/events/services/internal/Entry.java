package ai.cleveragents.events.services.internal;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The current snapshot of one plan or decision, and the lock that serialises its changes. Reads are
 * lock-free; a change holds the lock while it emits its events and commits the new snapshot.
 *
 * @param <T> the snapshot type
 */
final class Entry<T> {

    private final ReentrantLock lock = new ReentrantLock();
    /** written only while {@link #lock} is held */
    private volatile T value;

    Entry(T value) {
        this.value = value;
    }

    T value() {
        return value;
    }

    /**
     * Takes the change lock.
     *
     * @param what names the entry in the message
     * @throws IllegalStateException if this thread already holds it: an event handler running inside a
     *                               change of this entry tried to change it again
     */
    void lock(String what) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException(what + " is being changed by this thread: an event handler cannot"
                    + " change the " + what + " whose event it is handling before that change commits");
        }
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Commits a new snapshot; the caller holds the lock. */
    void set(T newValue) {
        value = newValue;
    }
}
