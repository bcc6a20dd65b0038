package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.function.Consumer;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventLimits;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.SwapSafeEmitter;

import org.osgi.service.event.Event;

/**
 * What the pump does with each inbound event, on the bridge's own thread: map it (a bad one is dropped
 * whole and counted by reason), drop a duplicate id, remember the id so the event is not posted back
 * out, then emit it on the bus bound now.
 */
final class InboundProcessor implements Consumer<Event> {

    private final InboundMapping mapping;
    private final RecentIds cameIn;
    private final SwapSafeEmitter emitter;
    private final BridgeMetrics metrics;

    InboundProcessor(InboundMapping mapping, RecentIds cameIn, SwapSafeEmitter emitter, BridgeMetrics metrics) {
        this.mapping = mapping;
        this.cameIn = cameIn;
        this.emitter = emitter;
        this.metrics = metrics;
    }

    @Override
    public void accept(Event event) {
        DomainEvent domainEvent;
        try {
            domainEvent = mapping.toDomainEvent(event);
        } catch (InboundRejection r) {
            metrics.dropped(r.reason(), r.getMessage());
            return;
        }
        if (!cameIn.add(domainEvent.eventId())) {
            metrics.dropped(DropReason.DUPLICATE, "event " + domainEvent.eventId() + " on " + event.getTopic()
                    + " already came in");
            return;
        }
        emit(domainEvent);
    }

    /** Emits through the swap rule and counts what became of the event. */
    private void emit(DomainEvent domainEvent) {
        try {
            switch (emitter.emit(domainEvent)) {
                case EMITTED -> metrics.emittedIn();
                case NO_BUS -> metrics.dropped(DropReason.NO_BUS, "no event bus bound for " + domainEvent.eventId());
                default -> metrics.dropped(DropReason.REJECTED, "every bus tried was closed for " + domainEvent.eventId());
            }
        } catch (EventRejectedException e) {
            if (e.reason() == EventRejectedException.Reason.TOO_LARGE) {
                metrics.dropped(DropReason.TOO_LARGE, "the bus's journal cannot hold " + domainEvent.eventId()
                        + ", over " + EventLimits.MAX_EVENT_BYTES + " bytes encoded");
            } else {
                metrics.dropped(DropReason.REJECTED, "the bus refused " + domainEvent.eventId() + " (" + e.reason() + ")");
            }
        }
    }
}
