package ai.cleveragents.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Emits on whichever {@link EventBus} is bound at the moment of each emit, following bus swaps: the one
 * implementation of the swap rule of {@link EventBus#emit}, for every consumer (services, bridges, the
 * shell, your bundles).
 *
 * <p><b>The rule.</b> A bus that rejects an event with {@link EventRejectedException.Reason#CLOSED} has
 * delivered it to no one and, if it is a service, has already been unregistered; a consumer bound with a
 * dynamic, greedy reference (or a {@code ServiceTracker}) has therefore already moved to the next bus. So
 * the emitter reads the current bus again and emits there: the event reaches the old bus (if it got in
 * before the close) or the new one, exactly once, and the caller never sees {@code CLOSED}. If no bus is
 * bound, nothing is emitted ({@link Outcome#NO_BUS}). If the supplier keeps returning the same closed bus
 * (one closed while still registered), the emit is given up after {@value #MAX_ATTEMPTS} attempts
 * ({@link Outcome#LOST}). Any other rejection ({@code JOURNAL_FAILURE}, {@code TOO_LARGE},
 * {@code CASCADE_LIMIT}) is the bus refusing the event, not a swap: it is thrown to the caller.
 *
 * <pre>
 * &#64;Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
 * private volatile EventBus bus;
 * private final SwapSafeEmitter emitter = new SwapSafeEmitter(() -&gt; bus);
 * …
 * emitter.emit(DomainEvent.of(EventType.PLAN_CREATED));
 * </pre>
 *
 * <p>Thread-safe and lock-free if the supplier is.
 *
 * @since 1.1
 */
public final class SwapSafeEmitter {

    /** How many buses (or attempts on the same closed bus) one event may try. */
    public static final int MAX_ATTEMPTS = 16;

    /** What became of an event. */
    public enum Outcome {
        /** A bus accepted the event. */
        EMITTED,
        /** No bus was bound: the event was not emitted. */
        NO_BUS,
        /** The bound bus stayed closed for {@value SwapSafeEmitter#MAX_ATTEMPTS} attempts: not emitted. */
        LOST
    }

    private final Supplier<? extends EventBus> current;
    private final LongAdder skipped = new LongAdder();
    private final LongAdder redirected = new LongAdder();
    private final LongAdder lost = new LongAdder();

    /**
     * @param current reads the currently bound bus, {@code null} when there is none (for example
     *                {@code () -> bus} over a volatile DS reference field, or {@code tracker::getService})
     * @throws NullPointerException if {@code current} is {@code null}
     */
    public SwapSafeEmitter(Supplier<? extends EventBus> current) {
        this.current = Objects.requireNonNull(current, "current");
    }

    /**
     * Emits on the bus bound now, moving to the next one if it was closed meanwhile.
     *
     * @param event the event
     * @return what became of it
     * @throws NullPointerException   if {@code event} is {@code null}
     * @throws EventRejectedException if a bus refused the event for a reason other than being closed
     */
    public Outcome emit(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        EventBus bus = current.get();
        for (int attempt = 1; bus != null; attempt++) {
            try {
                bus.emit(event);
                return Outcome.EMITTED;
            } catch (EventRejectedException e) {
                if (e.reason() != EventRejectedException.Reason.CLOSED) {
                    throw e;
                }
                if (attempt == MAX_ATTEMPTS) {
                    lost.increment();
                    return Outcome.LOST;
                }
                bus = next(bus);
            }
        }
        skipped.increment();
        return Outcome.NO_BUS;
    }

    /**
     * Emits a batch ({@link EventBus#emitAll}) on the bus bound now, following swaps as {@link #emit}
     * does: the events a closed bus did not accept (all of them, or those after the part it accepted
     * before closing) go to the next bus, in order.
     *
     * @param events the events; an empty list does nothing
     * @return {@link Outcome#EMITTED} if every event was emitted; otherwise, from the first event not
     *         accepted on, none was
     * @throws NullPointerException if {@code events} or one of its events is {@code null}
     * @throws EventBatchException  if a bus refused an event for a reason other than being closed; its
     *                              {@link EventBatchException#accepted()} counts from the batch's first
     *                              event
     */
    public Outcome emitAll(List<DomainEvent> events) {
        List<DomainEvent> rest = List.copyOf(events);
        int done = 0;
        EventBus bus = current.get();
        for (int attempt = 1; bus != null && !rest.isEmpty(); attempt++) {
            try {
                bus.emitAll(rest);
                return Outcome.EMITTED;
            } catch (EventBatchException e) {
                if (e.reason() != EventRejectedException.Reason.CLOSED) {
                    throw done == 0 ? e : new EventBatchException(done + e.accepted(), done + e.size(),
                            (EventRejectedException) e.getCause());
                }
                done += e.accepted();
                rest = rest.subList(e.accepted(), rest.size());
                if (attempt == MAX_ATTEMPTS) {
                    lost.increment();
                    return Outcome.LOST;
                }
                bus = next(bus);
            }
        }
        if (rest.isEmpty()) {
            return Outcome.EMITTED;
        }
        skipped.increment();
        return Outcome.NO_BUS;
    }

    private EventBus next(EventBus closed) {
        EventBus bound = current.get();
        if (bound == closed) {
            Thread.yield();
        } else if (bound != null) {
            redirected.increment();
        }
        return bound;
    }

    /**
     * @return {@code emits.skipped} (no bus bound), {@code emits.redirected} (moved to another bus after a
     *         swap) and {@code emits.lost} (given up on a closed bus), since construction
     */
    public Map<String, Long> counters() {
        return Map.of("emits.skipped", skipped.sum(), "emits.redirected", redirected.sum(), "emits.lost", lost.sum());
    }
}
