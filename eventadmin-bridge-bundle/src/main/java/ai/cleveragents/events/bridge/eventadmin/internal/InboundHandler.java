package ai.cleveragents.events.bridge.eventadmin.internal;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

import ai.cleveragents.events.json.WireFields;

/**
 * The inbound direction's Event Admin handler: ignores topics outside the prefix and the bridge's own
 * outbound events (by origin mark and by remembered id), and queues the rest for the pump. It never
 * blocks and never throws, so Event Admin never times it out.
 */
final class InboundHandler implements EventHandler {

    private final Topics topics;
    private final String origin;
    private final RecentIds wentOut;
    private final InboundPump pump;
    private final BridgeMetrics metrics;

    InboundHandler(Topics topics, String origin, RecentIds wentOut, InboundPump pump, BridgeMetrics metrics) {
        this.topics = topics;
        this.origin = origin;
        this.wentOut = wentOut;
        this.pump = pump;
        this.metrics = metrics;
    }

    @Override
    public void handleEvent(Event event) {
        if (!topics.covers(event.getTopic())) {
            metrics.ignoredTopic();
            return;
        }
        Object id = event.getProperty(WireFields.EVENT_ID);
        if (origin.equals(event.getProperty(PropertyKeys.ORIGIN)) || id instanceof String && wentOut.contains((String) id)) {
            metrics.loopSuppressed();
            return;
        }
        pump.offer(event);
    }
}
