package ai.cleveragents.events.bus.reactive.internal.journal;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Wakes journal followers when more records became readable (durable, or written under durability
 * {@code none}) or the journal closed. Costs a writer one volatile read while no follower waits.
 * Thread-safe.
 */
final class DurableSignal {

    private final Object lock = new Object();
    /** How many followers are waiting or about to; read by writers without the lock. */
    private volatile int waiters;

    /** Called after the readable end advanced (or the journal closed). */
    void advanced() {
        if (waiters > 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Waits until {@code ready} holds or {@code timeoutMillis} passed. Whoever makes {@code ready} true
     * must call {@link #advanced()} afterwards.
     *
     * @return whether {@code ready} held when it returned
     * @throws InterruptedException if interrupted while waiting
     */
    boolean await(BooleanSupplier ready, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            waiters++;
            try {
                while (!ready.getAsBoolean()) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return false;
                    }
                    lock.wait(left);
                }
                return true;
            } finally {
                waiters--;
            }
        }
    }
}
