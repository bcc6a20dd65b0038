package ai.cleveragents.events.dispatch;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.WireFields;

/**
 * An event's fields as the properties an {@code event.filter} is matched against: the wire names of its
 * fields ({@code plan_id}, …) and {@code details.<key>} for each top-level detail. Looked up lazily by
 * key, so matching a filter builds nothing; absent fields are absent. Immutable.
 */
final class EventProperties extends AbstractMap<String, Object> {

    private static final String[] FIELDS = {WireFields.EVENT_ID, WireFields.EVENT_TYPE, WireFields.CORRELATION_ID,
        WireFields.PLAN_ID, WireFields.ROOT_PLAN_ID, WireFields.SESSION_ID, WireFields.ACTOR_NAME,
        WireFields.PROJECT_NAME};

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
            case WireFields.EVENT_ID -> event.eventId();
            case WireFields.EVENT_TYPE -> event.eventType().id();
            case WireFields.CORRELATION_ID -> event.correlationId();
            case WireFields.PLAN_ID -> event.planId();
            case WireFields.ROOT_PLAN_ID -> event.rootPlanId();
            case WireFields.SESSION_ID -> event.sessionId();
            case WireFields.ACTOR_NAME -> event.actorName();
            case WireFields.PROJECT_NAME -> event.projectName();
            default -> name.startsWith(WireFields.DETAIL_PREFIX)
                    ? event.details().get(name.substring(WireFields.DETAIL_PREFIX.length())) : null;
        };
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String field : FIELDS) {
            putIfPresent(all, field, get(field));
        }
        event.details().forEach((k, v) -> putIfPresent(all, WireFields.DETAIL_PREFIX + k, v));
        return all.entrySet();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
