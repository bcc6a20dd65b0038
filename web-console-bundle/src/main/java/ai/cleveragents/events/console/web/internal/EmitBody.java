package ai.cleveragents.events.console.web.internal;

import java.util.Map;
import java.util.Set;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.redaction.JsonStrings;

/**
 * The body of {@code POST /console/api/emit}: a JSON object with {@code event_type} (required), the
 * optional context fields of the wire format ({@code plan_id}, {@code root_plan_id}, {@code session_id},
 * {@code actor_name}, {@code project_name}, {@code correlation_id}) as strings, and {@code details} (an
 * object). The id and timestamp are the bus's.
 */
final class EmitBody {

    static final Set<String> FIELDS = Set.of("event_type", "plan_id", "root_plan_id", "session_id", "actor_name",
            "project_name", "correlation_id", "details");

    private EmitBody() {
    }

    /**
     * @param text the request body
     * @return the event it describes
     * @throws IllegalArgumentException if it is not such an object; the message names the field
     */
    @SuppressWarnings("unchecked")
    static DomainEvent parse(String text) {
        if (!(JsonStrings.readLenient(text) instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException("the body is not a JSON object: expected {\"event_type\": \"plan.created\", ...}");
        }
        Map<String, Object> body = (Map<String, Object>) raw;
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown field " + JsonStrings.write(key) + ": allowed " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
        }
        DomainEvent.Builder event = DomainEvent.builder(EventType.fromId(text(body, "event_type", true)));
        event.planId(text(body, "plan_id", false)).rootPlanId(text(body, "root_plan_id", false))
                .sessionId(text(body, "session_id", false)).actorName(text(body, "actor_name", false))
                .projectName(text(body, "project_name", false));
        String correlation = text(body, "correlation_id", false);
        if (correlation != null) {
            event.correlationId(correlation);
        }
        Object details = body.get("details");
        if (details != null && !(details instanceof Map)) {
            throw new IllegalArgumentException("details is not a JSON object");
        }
        if (details != null) {
            event.details((Map<String, Object>) details);
        }
        return event.build();
    }

    private static String text(Map<String, Object> body, String field, boolean required) {
        Object value = body.get(field);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(field + (value == null ? " is missing" : " is not a string"));
        }
        return s;
    }
}
