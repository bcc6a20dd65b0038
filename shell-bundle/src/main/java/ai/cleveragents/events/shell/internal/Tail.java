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
 * writes them on the caller's thread until a limit, the timeout, or an interrupt.
 */
final class Tail implements EventHandler {

    private final BlockingQueue<DomainEvent> queue;
    private final AtomicLong missed = new AtomicLong();
    private final LongSupplier clock;

    /**
     * @param capacity most events waiting to be printed
     * @param clock    milliseconds, monotonic
     */
    Tail(int capacity, LongSupplier clock) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.clock = clock;
    }

    @Override
    public void handle(DomainEvent event) {
        if (!queue.offer(event)) {
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
        if (missed.get() > 0) {
            out.println("(" + missed.get() + " events missed: the console did not keep up)");
        }
        out.flush();
        return printed;
    }
}
