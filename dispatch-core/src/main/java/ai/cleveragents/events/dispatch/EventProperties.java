package ai.cleveragents.events.dispatch;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ai.cleveragents.events.DomainEvent;

/**
 * An event's fields as the properties an {@code event.filter} is matched against: the wire names of its
 * fields ({@code plan_id}, …) and {@code details.<key>} for each top-level detail. Looked up lazily by
 * key, so matching a filter builds nothing; absent fields are absent. Immutable.
 */
final class EventProperties extends AbstractMap<String, Object> {

    private static final String DETAILS = "details.";

    private final DomainEvent event;

    EventProperties(DomainEvent event) {
        this.event = event;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        return switch (name) {
            case "event_id" -> event.eventId();
            case "event_type" -> event.eventType().id();
            case "correlation_id" -> event.correlationId();
            case "plan_id" -> event.planId();
            case "root_plan_id" -> event.rootPlanId();
            case "session_id" -> event.sessionId();
            case "actor_name" -> event.actorName();
            case "project_name" -> event.projectName();
            default -> name.startsWith(DETAILS) ? event.details().get(name.substring(DETAILS.length())) : null;
        };
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String field : new String[] {"event_id", "event_type", "correlation_id", "plan_id", "root_plan_id",
            "session_id", "actor_name", "project_name"}) {
            putIfPresent(all, field, get(field));
        }
        event.details().forEach((k, v) -> putIfPresent(all, DETAILS + k, v));
        return all.entrySet();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
