package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import org.osgi.framework.Filter;
import org.osgi.service.event.Event;

/**
 * The outbound direction: a whiteboard domain-event handler (for every type) that hands each event to
 * Event Admin, redacted by the current policy, unless it came in from Event Admin or does not match the
 * outbound filter (matched against the redacted properties). Its id is
 * remembered before Event Admin sees it, so a synchronous echo is recognised too. Runs on the emitting
 * thread; thread-safe; never throws.
 */
final class OutboundHandler implements EventHandler {

    private final OutboundMapping mapping;
    private final Filter filter;
    private final Consumer<Event> eventAdmin;
    private final RecentIds cameIn;
    private final RecentIds wentOut;
    private final BridgeMetrics metrics;
    private final Supplier<DetailRedactor> redaction;

    /**
     * @param mapping    the property mapping
     * @param filter     the outbound filter, matched against the property map, or {@code null} for all
     * @param eventAdmin {@code postEvent} or {@code sendEvent} of Event Admin
     * @param cameIn     ids of events that came in from Event Admin
     * @param wentOut    ids of events handed to Event Admin; added to here
     * @param metrics    the counters
     * @param redaction  the redactor each event passes through before it is mapped
     */
    OutboundHandler(OutboundMapping mapping, Filter filter, Consumer<Event> eventAdmin, RecentIds cameIn,
            RecentIds wentOut, BridgeMetrics metrics, Supplier<DetailRedactor> redaction) {
        this.mapping = mapping;
        this.filter = filter;
        this.eventAdmin = eventAdmin;
        this.cameIn = cameIn;
        this.wentOut = wentOut;
        this.metrics = metrics;
        this.redaction = redaction;
    }

    @Override
    public void handle(DomainEvent event) {
        if (cameIn.contains(event.eventId())) {
            metrics.loopSuppressed();
            return;
        }
        Map<String, Object> properties = mapping.properties(redaction.get().redact(event));
        if (filter != null && !filter.matches(properties)) {
            metrics.filteredOut();
            return;
        }
        wentOut.add(event.eventId());
        try {
            eventAdmin.accept(new Event(mapping.topicOf(event), properties));
            metrics.postedOut();
        } catch (RuntimeException e) {
            metrics.dropped(DropReason.PUBLISH_FAILED, "Event Admin refused " + event.eventType().id() + " "
                    + event.eventId() + ": " + e);
        }
    }
}
