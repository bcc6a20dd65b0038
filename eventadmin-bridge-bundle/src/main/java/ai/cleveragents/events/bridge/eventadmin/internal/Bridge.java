package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.SwapSafeEmitter;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

/**
 * One bridge instance, without OSGi: the handlers of the configured directions, sharing the id
 * memories that keep events from looping, the inbound pump and the counters. The component registers
 * the handlers as services.
 */
final class Bridge {

    /** How long {@link #stop} lets the pump finish queued events. */
    static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final Topics topics;
    private final String origin = UUID.randomUUID().toString();
    private final BridgeMetrics metrics;
    private final OutboundHandler outbound;
    private final InboundHandler inbound;
    private final InboundPump pump;

    /**
     * @param settings   the configuration
     * @param eventAdmin Event Admin's {@code postEvent} or {@code sendEvent}, per {@link BridgeSettings#mode()}
     * @param bus        the bus bound now, or {@code null}
     * @param redaction  the redactor outbound events pass through (the current policy, or one that masks nothing)
     * @param log        where drops are logged
     */
    Bridge(BridgeSettings settings, Consumer<Event> eventAdmin, Supplier<EventBus> bus,
            Supplier<DetailRedactor> redaction, DropLog log) {
        this.topics = settings.topics();
        this.metrics = new BridgeMetrics(log);
        RecentIds cameIn = new RecentIds(settings.dedupeCapacity());
        RecentIds wentOut = new RecentIds(settings.dedupeCapacity());
        this.outbound = settings.directions().outbound()
                ? new OutboundHandler(new OutboundMapping(topics, origin), settings.outboundFilter(), eventAdmin,
                        cameIn, wentOut, metrics, redaction)
                : null;
        if (settings.directions().inbound()) {
            InboundProcessor processor = new InboundProcessor(new InboundMapping(topics), cameIn,
                    new SwapSafeEmitter(bus), metrics);
            this.pump = new InboundPump(settings.queueCapacity(), processor, metrics,
                    "cleveragents-eventadmin-bridge-in");
            this.inbound = new InboundHandler(topics, origin, wentOut, pump, metrics);
        } else {
            this.pump = null;
            this.inbound = null;
        }
    }

    /** @return the whiteboard domain-event handler, or {@code null} if nothing goes out */
    OutboundHandler outbound() {
        return outbound;
    }

    /** @return the Event Admin handler, or {@code null} if nothing comes in */
    InboundHandler inbound() {
        return inbound;
    }

    /**
     * @return the inbound handler's service properties: every topic under the prefix, and a filter
     *         that keeps Event Admin from delivering this bridge's own outbound events back to it
     */
    Map<String, Object> inboundProperties() {
        return Map.of(EventConstants.EVENT_TOPIC, topics.subscription(),
                EventConstants.EVENT_FILTER, "(!(" + PropertyKeys.ORIGIN + "=" + origin + "))");
    }

    /** Starts the inbound pump thread, if any. */
    void start() {
        if (pump != null) {
            pump.start();
        }
    }

    /** Lets the pump finish (see {@link InboundPump#close}); call once the handlers are unregistered. */
    void stop() {
        if (pump != null) {
            pump.close(STOP_TIMEOUT_MILLIS);
        }
    }

    /** @return the counters (see {@link BridgeMetrics#snapshot}) */
    Map<String, Long> metrics() {
        return pump == null ? metrics.snapshot(0, 0) : metrics.snapshot(pump.depth(), pump.capacity());
    }
}
