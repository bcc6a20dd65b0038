package ai.cleveragents.events.console.web.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

/**
 * The filters of an events request, from its query parameters: {@code types} (comma-separated
 * selectors: ids, {@code domain.*} or {@code *}), {@code plan} (a plan id, matched against the plan and
 * the root plan), {@code from} and {@code to} (ISO-8601 instants), {@code id} (one event id) and
 * {@code limit}. Bad values fail with a one-line message naming the parameter and what is allowed.
 *
 * @param types the types to keep; empty for all
 * @param plan  the plan id to keep, or {@code null}
 * @param from  the earliest timestamp, or {@code null}
 * @param to    the timestamp events must be before, or {@code null}
 * @param id    the one event id wanted, or {@code null}
 * @param limit the most events wanted
 */
record EventQuery(Set<EventType> types, String plan, Instant from, Instant to, String id, int limit) {

    /**
     * @param parameter  the request's parameters by name (the first value of each)
     * @param maxLimit   the largest limit allowed, also the default
     * @return the query
     * @throws IllegalArgumentException if a parameter is invalid
     */
    static EventQuery parse(Function<String, String> parameter, int maxLimit) {
        Set<EventType> types = types(parameter.apply("types"));
        String plan = blankToNull(parameter.apply("plan"));
        Instant from = instant("from", parameter.apply("from"));
        Instant to = instant("to", parameter.apply("to"));
        String id = blankToNull(parameter.apply("id"));
        if (id != null && !DomainEvent.isValidEventId(id)) {
            throw new IllegalArgumentException("id is not an event id: allowed a 26-character ULID");
        }
        return new EventQuery(types, plan, from, to, id, limit(parameter.apply("limit"), maxLimit));
    }

    static Set<EventType> types(String selectors) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        if (selectors != null && !selectors.isBlank()) {
            for (String selector : selectors.split(",")) {
                if (!selector.isBlank()) {
                    types.addAll(EventType.select(selector));
                }
            }
        }
        return types.size() == EventType.values().length ? Set.of() : types;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an instant: allowed ISO-8601 such as 2026-11-25T11:00:00Z", e);
        }
    }

    private static int limit(String value, int maxLimit) {
        if (value == null || value.isBlank()) {
            return maxLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw new IllegalArgumentException("limit is invalid: allowed 1.." + maxLimit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return whether an event passes the plan and time filters (the type filter is the journal's) */
    Predicate<DomainEvent> matches() {
        return e -> (plan == null || plan.equals(e.planId()) || plan.equals(e.rootPlanId()))
                && (from == null || !e.timestamp().isBefore(from))
                && (to == null || e.timestamp().isBefore(to))
                && (id == null || id.equals(e.eventId()));
    }
}
