package ai.cleveragents.events.services.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits on whichever bus a dynamic reference holds at the moment, surviving a swap.
 *
 * <p><b>Swap guarantee.</b> The bus is read from the reference for every emit. If none is bound, the
 * event is skipped (counted). If the bus read has been closed in the meantime, it rejects the event
 * with reason {@code CLOSED} before delivering it to anyone; the reference is then read again and the
 * event emitted on the bus it now holds, or skipped if it holds none. A bus unregisters its service
 * before it closes, so by then DS has already moved the reference on: the event reaches the old bus
 * (if it got in before the close) or the new one, exactly once, and the caller never sees the
 * {@code CLOSED} rejection. If the reference still holds the same closed bus (a bus closed while still
 * registered, which the buses of this project never do), the emit is retried up to
 * {@value #MAX_ATTEMPTS} times in all, then given up: counted as lost and logged, not thrown.
 *
 * <p>A rejection for any other reason ({@code JOURNAL_FAILURE}) is the bus refusing the event, not a
 * swap: it is thrown to the caller, who must then not commit the change the event describes.
 *
 * <p>Thread-safe and lock-free.
 */
final class BusEmitter {

    /** Attempts per event when the bus keeps rejecting it as closed. */
    static final int MAX_ATTEMPTS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(BusEmitter.class);

    private final Supplier<EventBus> reference;
    private final LongAdder skipped = new LongAdder();
    private final LongAdder redirected = new LongAdder();
    private final LongAdder lost = new LongAdder();

    /**
     * @param reference reads the currently bound bus, {@code null} when there is none
     */
    BusEmitter(Supplier<EventBus> reference) {
        this.reference = reference;
    }

    /**
     * Emits on the bound bus, if any.
     *
     * @param event the event
     * @throws EventRejectedException if the bus refused the event for a reason other than being closed
     */
    void emit(DomainEvent event) {
        EventBus bus = reference.get();
        for (int attempt = 1; bus != null; attempt++) {
            try {
                bus.emit(event);
                return;
            } catch (EventRejectedException e) {
                if (e.reason() != EventRejectedException.Reason.CLOSED) {
                    throw e;
                }
                if (attempt == MAX_ATTEMPTS) {
                    lost.increment();
                    LOG.warn("{} {} not emitted: the bound bus {} stayed closed after {} attempts",
                            event.eventType().id(), event.eventId(), bus, MAX_ATTEMPTS);
                    return;
                }
                bus = next(bus);
            }
        }
        skipped.increment();
    }

    private EventBus next(EventBus closed) {
        EventBus bound = reference.get();
        if (bound == closed) {
            Thread.yield();
        } else if (bound != null) {
            redirected.increment();
        }
        return bound;
    }

    /**
     * @return {@code emits.skipped} (no bus bound), {@code emits.redirected} (retried on another bus after
     *         a swap) and {@code emits.lost} (given up on a closed bus)
     */
    Map<String, Long> counters() {
        return Map.of("emits.skipped", skipped.sum(), "emits.redirected", redirected.sum(), "emits.lost", lost.sum());
    }

    /**
     * @param more a component's own counters
     * @return {@link #counters()} and {@code more}, sorted by name, unmodifiable
     */
    Map<String, Long> countersWith(Map<String, Long> more) {
        Map<String, Long> all = new TreeMap<>(counters());
        all.putAll(more);
        return Collections.unmodifiableMap(all);
    }
}
