package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBatchException;
import ai.cleveragents.events.EventLimits;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.SwapSafeEmitter;

import org.osgi.service.event.Event;

/**
 * What the pump does with each batch of inbound events, on the bridge's own thread: map each (a bad one
 * is dropped whole and counted by reason), drop a duplicate id, remember the id so the event is not
 * posted back out, then emit the batch on the bus bound now with {@link SwapSafeEmitter#emitAll} (one
 * journal write and {@code fsync} for the batch). Events after a refused one are emitted one by one,
 * so one bad event costs only itself.
 */
final class InboundProcessor implements Consumer<List<Event>> {

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
    public void accept(List<Event> events) {
        List<DomainEvent> batch = new ArrayList<>(events.size());
        for (Event event : events) {
            DomainEvent domainEvent = map(event);
            if (domainEvent != null) {
                batch.add(domainEvent);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        int emitted = 0;
        try {
            if (emitter.emitAll(batch) == SwapSafeEmitter.Outcome.EMITTED) {
                emitted = batch.size();
            }
        } catch (EventBatchException e) {
            emitted = e.accepted();
        }
        for (int i = 0; i < emitted; i++) {
            metrics.emittedIn();
        }
        batch.subList(emitted, batch.size()).forEach(this::emit);
    }

    /** @return the domain event, or {@code null} if it was dropped (counted) */
    private DomainEvent map(Event event) {
        DomainEvent domainEvent;
        try {
            domainEvent = mapping.toDomainEvent(event);
        } catch (InboundRejection r) {
            metrics.dropped(r.reason(), r.getMessage());
            return null;
        }
        if (!cameIn.add(domainEvent.eventId())) {
            metrics.dropped(DropReason.DUPLICATE, "event " + domainEvent.eventId() + " on " + event.getTopic()
                    + " already came in");
            return null;
        }
        return domainEvent;
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
