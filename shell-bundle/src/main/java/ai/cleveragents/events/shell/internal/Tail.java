package ai.cleveragents.events.shell.internal;

import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventHandler;

/**
 * A live view of events: as a handler it queues what the buses deliver (on their threads, never
 * blocking them: beyond {@code capacity} queued events new ones are counted as missed); {@link #print}
 * writes them on the caller's thread until a limit, the timeout, or an interrupt. A {@link #waiting}
 * tail, fed by a catch-up subscription's own thread, makes that thread wait for room instead, so a long
 * catch-up misses nothing.
 */
final class Tail implements EventHandler {

    private static final long OFFER_WAIT_MS = 100;

    private final BlockingQueue<DomainEvent> queue;
    private final AtomicLong missed = new AtomicLong();
    private final LongSupplier clock;
    private final boolean waitForRoom;
    /** Set once {@link #print} has returned: a waiting handler then stops waiting. */
    private volatile boolean done;

    /**
     * @param capacity most events waiting to be printed
     * @param clock    milliseconds, monotonic
     */
    Tail(int capacity, LongSupplier clock) {
        this(capacity, clock, false);
    }

    private Tail(int capacity, LongSupplier clock, boolean waitForRoom) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.clock = clock;
        this.waitForRoom = waitForRoom;
    }

    /** @return a tail whose handler waits for room in the queue, until {@link #print} returns */
    static Tail waiting(int capacity, LongSupplier clock) {
        return new Tail(capacity, clock, true);
    }

    @Override
    public void handle(DomainEvent event) throws InterruptedException {
        boolean queued = queue.offer(event);
        while (!queued && waitForRoom && !done) {
            queued = queue.offer(event, OFFER_WAIT_MS, TimeUnit.MILLISECONDS);
        }
        if (!queued) {
            missed.incrementAndGet();
        }
    }

    /**
     * Prints one line per event ({@link EventLines#line}) until {@code request}'s limits; an interrupt
     * (the shell stopping) ends it quietly.
     *
     * @param request the limits
     * @param out     where lines go
     * @return the number of events printed
     */
    int print(TailRequest request, PrintStream out) {
        long deadline = request.timeoutMs().map(t -> clock.getAsLong() + t).orElse(Long.MAX_VALUE);
        int printed = 0;
        try {
            while (request.maxEvents() == 0 || printed < request.maxEvents()) {
                long wait = deadline - clock.getAsLong();
                DomainEvent event = wait <= 0 ? null : queue.poll(wait, TimeUnit.MILLISECONDS);
                if (event == null) {
                    break;
                }
                out.println(EventLines.line(event));
                printed++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        done = true;
        if (missed.get() > 0) {
            out.println("(" + missed.get() + " events missed: the console did not keep up)");
        }
        out.flush();
        return printed;
    }
}
