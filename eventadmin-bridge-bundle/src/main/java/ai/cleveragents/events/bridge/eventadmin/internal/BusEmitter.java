package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.function.Supplier;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;

/**
 * Emits on whichever bus is bound now, following swaps: a bus that rejects an event as
 * {@link EventRejectedException.Reason#CLOSED CLOSED} delivered it to no one and has already been
 * unregistered, so the event is retried on the bus bound since (the greedy reference has moved); with
 * none bound, it is not emitted. Thread-safe if the supplier is.
 */
final class BusEmitter {

    /** What became of an event. */
    enum Outcome {
        EMITTED, NO_BUS, REJECTED, TOO_LARGE
    }

    /** How many buses one event may try: enough for swaps in quick succession, finite for a broken one. */
    static final int MAX_ATTEMPTS = 4;

    private final Supplier<EventBus> bus;

    /** @param bus the currently bound bus, or {@code null} when none is bound */
    BusEmitter(Supplier<EventBus> bus) {
        this.bus = bus;
    }

    /**
     * @param event the event
     * @return {@link Outcome#EMITTED}, {@link Outcome#NO_BUS} if none is bound, {@link Outcome#TOO_LARGE}
     *         if it is too large for the bus's journal, or {@link Outcome#REJECTED} if a journal refused it
     *         or every attempt met a closed bus
     */
    Outcome emit(DomainEvent event) {
        EventBus current = bus.get();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (current == null) {
                return Outcome.NO_BUS;
            }
            try {
                current.emit(event);
                return Outcome.EMITTED;
            } catch (EventRejectedException e) {
                if (e.reason() == EventRejectedException.Reason.TOO_LARGE) {
                    return Outcome.TOO_LARGE;
                }
                if (e.reason() != EventRejectedException.Reason.CLOSED) {
                    return Outcome.REJECTED;
                }
                current = bus.get();
            }
        }
        return Outcome.REJECTED;
    }
}
