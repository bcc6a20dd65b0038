package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.HashMap;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.WireFields;

import org.osgi.service.event.EventConstants;

/**
 * Maps a domain event to Event Admin properties (the table in {@code docs/reference/eventadmin-bridge.md}).
 * A pure function of the event, the prefix and the origin mark. Immutable and thread-safe.
 */
final class OutboundMapping {

    private final Topics topics;
    private final String origin;

    OutboundMapping(Topics topics, String origin) {
        this.topics = topics;
        this.origin = origin;
    }

    /** @return the topic the event is posted under */
    String topicOf(DomainEvent event) {
        return topics.topicOf(event.eventType());
    }

    /**
     * @param event the domain event
     * @return a new mutable map: {@code event.topics}, every field under its wire name (null context
     *         fields absent), {@code timestamp} as epoch millis, {@code timestamp_iso}, {@code details}
     *         (the event's own deep-unmodifiable map) and the origin mark
     */
    Map<String, Object> properties(DomainEvent event) {
        Map<String, Object> p = new HashMap<>(32);
        p.put(EventConstants.EVENT_TOPIC, topicOf(event));
        p.put(WireFields.EVENT_ID, event.eventId());
        p.put(WireFields.EVENT_TYPE, event.eventType().id());
        p.put(WireFields.TIMESTAMP, event.timestamp().toEpochMilli());
        p.put(PropertyKeys.TIMESTAMP_ISO, event.timestamp().toString());
        p.put(WireFields.CORRELATION_ID, event.correlationId());
        putIfPresent(p, WireFields.PLAN_ID, event.planId());
        putIfPresent(p, WireFields.ROOT_PLAN_ID, event.rootPlanId());
        putIfPresent(p, WireFields.SESSION_ID, event.sessionId());
        putIfPresent(p, WireFields.ACTOR_NAME, event.actorName());
        putIfPresent(p, WireFields.PROJECT_NAME, event.projectName());
        p.put(WireFields.DETAILS, event.details());
        p.put(PropertyKeys.ORIGIN, origin);
        return p;
    }

    private static void putIfPresent(Map<String, Object> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }
}
