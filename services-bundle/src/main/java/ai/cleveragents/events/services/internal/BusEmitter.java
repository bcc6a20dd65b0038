package ai.cleveragents.events.services.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.SwapSafeEmitter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services' emitter: the API's {@link SwapSafeEmitter} (which implements the swap rule: an emit
 * racing a swap reaches the old or the new bus exactly once, with no bus it is skipped), plus a log line
 * for an event given up on a bus that stayed closed, and the counters merged with a component's own.
 *
 * <p>A rejection for any other reason ({@code JOURNAL_FAILURE}, {@code TOO_LARGE}) is the bus refusing
 * the event, not a swap: it is thrown to the caller, who must then not commit the change the event
 * describes. Thread-safe and lock-free.
 */
final class BusEmitter {

    private static final Logger LOG = LoggerFactory.getLogger(BusEmitter.class);

    private final SwapSafeEmitter emitter;

    /**
     * @param reference reads the currently bound bus, {@code null} when there is none
     */
    BusEmitter(Supplier<EventBus> reference) {
        this.emitter = new SwapSafeEmitter(reference);
    }

    /**
     * Emits on the bound bus, if any.
     *
     * @param event the event
     * @throws EventRejectedException if the bus refused the event for a reason other than being closed
     */
    void emit(DomainEvent event) {
        if (emitter.emit(event) == SwapSafeEmitter.Outcome.LOST) {
            LOG.warn("{} {} not emitted: the bound bus stayed closed after {} attempts", event.eventType().id(),
                    event.eventId(), SwapSafeEmitter.MAX_ATTEMPTS);
        }
    }

    /**
     * @return {@code emits.skipped} (no bus bound), {@code emits.redirected} (retried on another bus after
     *         a swap) and {@code emits.lost} (given up on a closed bus)
     */
    Map<String, Long> counters() {
        return emitter.counters();
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
