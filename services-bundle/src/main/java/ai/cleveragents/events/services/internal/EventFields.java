package ai.cleveragents.events.services.internal;

import java.util.Map;

import ai.cleveragents.events.DomainEvent;

/** Typed reads of a journal event's details, for the folds. */
final class EventFields {

    private EventFields() {
    }

    /** @return the detail if it is a non-blank string, else {@code null} */
    static String text(DomainEvent event, String key) {
        Object value = event.details().get(key);
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    /** @return the detail if it is a string (blank allowed), else {@code null} (absent, null or another type) */
    static String optionalText(DomainEvent event, String key) {
        Object value = event.details().get(key);
        return value instanceof String s ? s : null;
    }

    /** @return the detail if it is a map, else an empty map */
    @SuppressWarnings("unchecked") // DomainEvent holds maps with String keys only
    static Map<String, Object> map(DomainEvent event, String key) {
        Object value = event.details().get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** @return {@code true} if every value is non-null */
    static boolean allPresent(Object... values) {
        for (Object value : values) {
            if (value == null) {
                return false;
            }
        }
        return true;
    }
}
