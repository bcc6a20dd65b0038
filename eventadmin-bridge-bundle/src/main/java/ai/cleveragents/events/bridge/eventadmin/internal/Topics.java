package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

import ai.cleveragents.events.EventType;

/**
 * The Event Admin topics of one prefix: {@code <prefix>/<domain>/<name>} for each event type, for
 * example {@code cleveragents/plan/phase_changed}. Immutable and thread-safe.
 */
final class Topics {

    /** Event Admin topic tokens: letters, digits, '_' and '-', separated by single slashes. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*");

    private final String prefix;
    private final String prefixSlash;
    private final Map<EventType, String> byType = new EnumMap<>(EventType.class);

    /**
     * @param prefix the topic prefix, for example {@code cleveragents}
     * @throws IllegalArgumentException if the prefix is not a valid Event Admin topic without wildcards
     */
    Topics(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("topic.prefix: '" + prefix + "' is not a valid Event Admin topic"
                    + " (tokens of letters, digits, '_' or '-' separated by '/', no wildcard, no leading or trailing '/')");
        }
        this.prefix = prefix;
        this.prefixSlash = prefix + "/";
        for (EventType t : EventType.values()) {
            byType.put(t, prefixSlash + t.domain() + "/" + t.shortName());
        }
    }

    String prefix() {
        return prefix;
    }

    /** @return the topic of a type, for example {@code cleveragents/plan/created} */
    String topicOf(EventType type) {
        return byType.get(type);
    }

    /** @return the Event Admin subscription covering every topic under the prefix */
    String subscription() {
        return prefixSlash + "*";
    }

    /** @return whether the topic lies under the prefix */
    boolean covers(String topic) {
        return topic.startsWith(prefixSlash);
    }

    /**
     * @param topic a topic under the prefix
     * @return the event type it names
     * @throws InboundRejection with {@link DropReason#MISSING_TYPE} if the rest of the topic is not
     *                          {@code <domain>/<name>}, {@link DropReason#UNKNOWN_TYPE} if it names no known type
     */
    EventType typeOf(String topic) throws InboundRejection {
        String rest = topic.substring(prefixSlash.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
            throw new InboundRejection(DropReason.MISSING_TYPE,
                    "topic '" + topic + "' has no event type: expected " + prefixSlash + "<domain>/<name>");
        }
        String id = rest.substring(0, slash) + "." + rest.substring(slash + 1);
        try {
            return EventType.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new InboundRejection(DropReason.UNKNOWN_TYPE, "topic '" + topic + "': " + e.getMessage());
        }
    }
}
