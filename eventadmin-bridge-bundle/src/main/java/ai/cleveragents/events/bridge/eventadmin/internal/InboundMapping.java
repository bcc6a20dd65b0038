package ai.cleveragents.events.bridge.eventadmin.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.json.WireFields;

import org.osgi.service.event.Event;

/**
 * Turns an Event Admin event under the prefix back into a domain event: the inverse of
 * {@link OutboundMapping}. The type comes from the topic; every other property is optional
 * ({@code event_id}, {@code correlation_id} and the timestamp are then generated as for any new event),
 * but a present one must have the documented Java type and a valid value. Properties the mapping does
 * not name are ignored. A pure function; immutable and thread-safe.
 */
final class InboundMapping {

    private final Topics topics;

    InboundMapping(Topics topics) {
        this.topics = topics;
    }

    /**
     * @param event an Event Admin event whose topic lies under the prefix
     * @return the domain event, complete and valid
     * @throws InboundRejection if any property is missing, of the wrong type or invalid; nothing of the
     *                          event is used then
     */
    DomainEvent toDomainEvent(Event event) throws InboundRejection {
        EventType type = topics.typeOf(event.getTopic());
        String typeId = optional(event, WireFields.EVENT_TYPE, String.class);
        if (typeId != null && !typeId.equals(type.id())) {
            throw new InboundRejection(DropReason.INVALID_VALUE, "event_type '" + typeId
                    + "' does not match topic '" + event.getTopic() + "' (" + type.id() + ")");
        }
        DomainEvent.Builder b = DomainEvent.builder(type)
                .eventId(eventId(event))
                .correlationId(correlationId(event))
                .timestamp(timestamp(event))
                .planId(context(event, WireFields.PLAN_ID))
                .rootPlanId(context(event, WireFields.ROOT_PLAN_ID))
                .sessionId(context(event, WireFields.SESSION_ID))
                .actorName(context(event, WireFields.ACTOR_NAME))
                .projectName(context(event, WireFields.PROJECT_NAME));
        Map<?, ?> details = optional(event, WireFields.DETAILS, Map.class);
        try {
            if (details != null) {
                for (Map.Entry<?, ?> e : details.entrySet()) {
                    if (!(e.getKey() instanceof String)) {
                        throw new IllegalArgumentException("detail key at details must be a String, got "
                                + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
                    }
                    b.detail((String) e.getKey(), e.getValue());
                }
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InboundRejection(DropReason.INVALID_DETAILS, e.getMessage());
        }
    }

    private static String eventId(Event event) throws InboundRejection {
        String id = optional(event, WireFields.EVENT_ID, String.class);
        if (id != null && !DomainEvent.isValidEventId(id)) {
            throw new InboundRejection(DropReason.INVALID_ID, "event_id '" + id + "' is not a ULID");
        }
        return id;
    }

    private static String correlationId(Event event) throws InboundRejection {
        String id = optional(event, WireFields.CORRELATION_ID, String.class);
        if (id != null && id.isBlank()) {
            throw new InboundRejection(DropReason.INVALID_ID, "correlation_id is blank");
        }
        return id;
    }

    private static Instant timestamp(Event event) throws InboundRejection {
        Long millis = optional(event, WireFields.TIMESTAMP, Long.class);
        String iso = optional(event, PropertyKeys.TIMESTAMP_ISO, String.class);
        if (iso == null) {
            return millis == null ? null : Instant.ofEpochMilli(millis);
        }
        Instant instant;
        try {
            instant = Instant.parse(iso);
        } catch (DateTimeParseException e) {
            throw new InboundRejection(DropReason.INVALID_VALUE,
                    "timestamp_iso '" + iso + "' is not an ISO-8601 UTC instant");
        }
        if (millis != null && millis != instant.toEpochMilli()) {
            throw new InboundRejection(DropReason.INVALID_VALUE, "timestamp " + millis
                    + " and timestamp_iso '" + iso + "' disagree");
        }
        return instant;
    }

    private static String context(Event event, String key) throws InboundRejection {
        String value = optional(event, key, String.class);
        if (value != null && value.isBlank()) {
            throw new InboundRejection(DropReason.INVALID_VALUE, key + " is blank");
        }
        return value;
    }

    private static <T> T optional(Event event, String key, Class<T> type) throws InboundRejection {
        Object value = event.getProperty(key);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw new InboundRejection(DropReason.WRONG_PROPERTY_TYPE, key + " must be a " + type.getSimpleName()
                + ", got " + value.getClass().getName());
    }
}
