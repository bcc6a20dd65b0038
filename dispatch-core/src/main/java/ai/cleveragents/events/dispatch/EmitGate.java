package ai.cleveragents.events.dispatch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import ai.cleveragents.events.EventRejectedException;

/**
 * Lets emits in until the bus closes, then waits for the ones in flight. An emit either passes
 * {@link #enter()} and completes normally, or is rejected with {@link EventRejectedException.Reason#CLOSED}
 * before anything was delivered: never half-delivered by a close. Thread-safe; {@link #enter()} is
 * lock-free.
 */
final class EmitGate {

    private final String busName;
    private final LongAdder inFlight = new LongAdder();
    private volatile boolean closed;

    EmitGate(String busName) {
        this.busName = busName;
    }

    /** @throws EventRejectedException if the bus is closed */
    void enter() {
        inFlight.increment();
        if (closed) {
            inFlight.decrement();
            throw closedException();
        }
    }

    void exit() {
        inFlight.decrement();
    }

    boolean isClosed() {
        return closed;
    }

    EventRejectedException closedException() {
        return new EventRejectedException(EventRejectedException.Reason.CLOSED,
                "the " + busName + " event bus is closed", null);
    }

    /** Rejects new emits from now on. */
    void close() {
        closed = true;
    }

    /**
     * Waits until no emit that entered before {@link #close()} is still running.
     *
     * @return {@code true} if drained, {@code false} if the timeout passed first
     */
    boolean awaitDrained(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        long pause = 1_000;
        while (inFlight.sum() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }
}
