package ai.cleveragents.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import ai.cleveragents.events.internal.Ulids;

/**
 * An immutable domain event: what happened ({@link #eventType()}), when ({@link #timestamp()}),
 * to which plan, session, actor and project, with free-form JSON-compatible {@link #details()}.
 *
 * <p>Construction rules, applied by the canonical constructor and therefore by the {@link Builder}:
 * <ul>
 * <li>{@code eventType} is required.</li>
 * <li>{@code eventId} defaults to a fresh ULID from a JVM-wide monotonic generator, so ids generated in
 * one JVM are unique and strictly increasing in generation order; a given id must be a valid ULID and is
 * kept in canonical form (upper case, Crockford aliases resolved), so one ULID is always one string.</li>
 * <li>{@code timestamp} defaults to now (UTC).</li>
 * <li>{@code correlationId} defaults to a fresh ULID; a given one must not be blank (it is usually the
 * ULID of the event that started a chain, but an external request id is accepted too).</li>
 * <li>the optional context fields may be {@code null} but never blank.</li>
 * <li>{@code details} is deep-copied into unmodifiable maps and lists; values must be {@code null},
 * {@link String}, {@link Boolean}, {@link Number}, {@link java.util.List} or {@link Map} with String
 * keys, otherwise an {@link IllegalArgumentException} names the offending key path (for example
 * {@code details.args[2]}). Integral numbers are stored as {@link Long} (or {@link java.math.BigInteger}),
 * floating numbers as {@link Double} (or {@link java.math.BigDecimal} where a double would lose digits),
 * so that a JSON round trip gives back an equal event. Maps and lists may nest at most 63 levels deep
 * (the details map being the first), which the JSON codec can always read back.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param eventId       ULID, unique per event
 * @param eventType     what happened
 * @param timestamp     when it happened (UTC instant)
 * @param correlationId groups related events
 * @param planId        the plan concerned, or {@code null}
 * @param rootPlanId    the root of the plan tree concerned, or {@code null}
 * @param sessionId     the session concerned, or {@code null}
 * @param actorName     the actor concerned, or {@code null}
 * @param projectName   the project concerned, or {@code null}
 * @param details       free-form JSON-compatible details, never {@code null}
 */
public record DomainEvent(String eventId, EventType eventType, Instant timestamp, String correlationId,
        String planId, String rootPlanId, String sessionId, String actorName, String projectName,
        Map<String, Object> details) {

    /**
     * Validates, applies defaults and deep-copies the details.
     *
     * @throws NullPointerException     if {@code eventType} is {@code null}
     * @throws IllegalArgumentException if an id is malformed, a context field is blank, or a detail
     *                                  is not JSON-compatible
     */
    public DomainEvent {
        Objects.requireNonNull(eventType, "eventType is required");
        if (eventId == null) {
            eventId = newUlid();
        } else if (!Ulids.isValid(eventId)) {
            throw new IllegalArgumentException("eventId '" + eventId + "' is not a ULID (26 Crockford base32 characters)");
        } else {
            eventId = Ulids.canonical(eventId);
        }
        timestamp = timestamp == null ? Instant.now() : timestamp;
        correlationId = correlationId == null ? newUlid() : requireNotBlank(correlationId, "correlationId");
        requireNullOrNotBlank(planId, "planId");
        requireNullOrNotBlank(rootPlanId, "rootPlanId");
        requireNullOrNotBlank(sessionId, "sessionId");
        requireNullOrNotBlank(actorName, "actorName");
        requireNullOrNotBlank(projectName, "projectName");
        details = Details.copyOf(details);
    }

    /**
     * Starts a builder for an event of the given type.
     *
     * @param type the event type
     * @return a new builder
     * @throws NullPointerException if {@code type} is {@code null}
     */
    public static Builder builder(EventType type) {
        return new Builder(Objects.requireNonNull(type, "eventType is required"));
    }

    /**
     * Shorthand for an event of the given type with every field defaulted.
     *
     * @param type the event type
     * @return a new event
     */
    public static DomainEvent of(EventType type) {
        return builder(type).build();
    }

    /**
     * A builder holding every field of this event, for deriving a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(eventType).eventId(eventId).timestamp(timestamp).correlationId(correlationId)
                .planId(planId).rootPlanId(rootPlanId).sessionId(sessionId).actorName(actorName)
                .projectName(projectName).details(details);
    }

    /**
     * A fresh ULID from the JVM-wide monotonic generator.
     *
     * @return a new ULID string, greater than every one generated before it in this JVM
     */
    public static String newUlid() {
        return Ulids.next();
    }

    /**
     * Whether a string is acceptable as an {@link #eventId()}: a ULID, 26 Crockford base32 characters
     * (either case; {@code I}, {@code L} and {@code O} read as {@code 1}, {@code 1} and {@code 0}) whose
     * time part fits 48 bits. Bridges and tools use it to check ids from outside before building an event.
     *
     * @param eventId any string, or {@code null}
     * @return {@code true} if an event may carry it as its id
     * @since 1.1
     */
    public static boolean isValidEventId(String eventId) {
        return Ulids.isValid(eventId);
    }

    private static String requireNotBlank(String value, String field) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    private static void requireNullOrNotBlank(String value, String field) {
        if (value != null) {
            requireNotBlank(value, field);
        }
    }

    /**
     * Builds a {@link DomainEvent}. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private final EventType eventType;
        private String eventId;
        private Instant timestamp;
        private String correlationId;
        private String planId;
        private String rootPlanId;
        private String sessionId;
        private String actorName;
        private String projectName;
        private final Map<String, Object> details = new LinkedHashMap<>();

        private Builder(EventType eventType) {
            this.eventType = eventType;
        }

        /**
         * @param value a ULID, or {@code null} to generate one
         * @return this builder
         */
        public Builder eventId(String value) {
            this.eventId = value;
            return this;
        }

        /**
         * @param value the instant, or {@code null} for now
         * @return this builder
         */
        public Builder timestamp(Instant value) {
            this.timestamp = value;
            return this;
        }

        /**
         * @param value the correlation id, or {@code null} to generate one
         * @return this builder
         */
        public Builder correlationId(String value) {
            this.correlationId = value;
            return this;
        }

        /**
         * @param value the plan id, or {@code null}
         * @return this builder
         */
        public Builder planId(String value) {
            this.planId = value;
            return this;
        }

        /**
         * @param value the root plan id, or {@code null}
         * @return this builder
         */
        public Builder rootPlanId(String value) {
            this.rootPlanId = value;
            return this;
        }

        /**
         * @param value the session id, or {@code null}
         * @return this builder
         */
        public Builder sessionId(String value) {
            this.sessionId = value;
            return this;
        }

        /**
         * @param value the actor name, or {@code null}
         * @return this builder
         */
        public Builder actorName(String value) {
            this.actorName = value;
            return this;
        }

        /**
         * @param value the project name, or {@code null}
         * @return this builder
         */
        public Builder projectName(String value) {
            this.projectName = value;
            return this;
        }

        /**
         * Adds or replaces one detail; the value is validated and copied by {@link #build()}.
         *
         * @param key   the key, not {@code null}
         * @param value a JSON-compatible value
         * @return this builder
         */
        public Builder detail(String key, Object value) {
            details.put(Objects.requireNonNull(key, "detail key"), value);
            return this;
        }

        /**
         * Adds or replaces every entry of {@code values}.
         *
         * @param values JSON-compatible details, may be {@code null}
         * @return this builder
         */
        public Builder details(Map<String, ?> values) {
            if (values != null) {
                values.forEach(this::detail);
            }
            return this;
        }

        /**
         * @return a new immutable event
         * @throws IllegalArgumentException as the {@link DomainEvent} constructor does
         */
        public DomainEvent build() {
            return new DomainEvent(eventId, eventType, timestamp, correlationId, planId, rootPlanId,
                    sessionId, actorName, projectName, details);
        }
    }
}
