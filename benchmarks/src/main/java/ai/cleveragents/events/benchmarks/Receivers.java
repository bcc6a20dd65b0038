package ai.cleveragents.events.benchmarks;

import java.util.concurrent.TimeUnit;

/** The subscribers of one benchmark trial. */
public final class Receivers {

    private static final long AWAIT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Receiver[] all;

    private Receivers(Receiver[] all) {
        this.all = all;
    }

    /**
     * @param n how many subscribers
     * @return {@code n} fresh receivers for synchronous delivery
     */
    public static Receivers of(int n) {
        return create(n, false);
    }

    /**
     * @param n how many subscribers
     * @return {@code n} fresh receivers that count every delivery, even concurrent ones
     */
    public static Receivers counting(int n) {
        return create(n, true);
    }

    private static Receivers create(int n, boolean atomic) {
        Receiver[] all = new Receiver[n];
        for (int i = 0; i < n; i++) {
            all[i] = new Receiver(atomic);
        }
        return new Receivers(all);
    }

    /** @return the receivers; the array is shared, do not modify it */
    public Receiver[] all() {
        return all;
    }

    /**
     * Waits, yielding the CPU to the delivery threads, until every receiver has {@code expected}
     * events: the zero-loss check of the asynchronous benchmarks.
     *
     * @param expected the count each receiver must reach
     * @throws IllegalStateException if one has not reached it within 30 s (events were lost)
     */
    public void awaitEach(long expected) {
        long deadline = System.nanoTime() + AWAIT_TIMEOUT_NANOS;
        for (Receiver r : all) {
            while (r.count() < expected) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("lost events: a subscriber has " + r.count() + " of " + expected);
                }
                Thread.yield();
            }
        }
    }
}
