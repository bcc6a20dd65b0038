package ai.cleveragents.events.json;

/**
 * The wire format's field names, the one definition every representation of an event uses: the JSON
 * codec, the journal, the Event Admin bridge's properties, the logging bus's key-values and the
 * {@code event.filter} attributes.
 *
 * @since 1.1
 */
public final class WireFields {
    /** The event's ULID. */
    public static final String EVENT_ID = "event_id";
    /** The event type id, for example {@code plan.created}. */
    public static final String EVENT_TYPE = "event_type";
    /** When it happened: an ISO-8601 UTC instant in JSON. */
    public static final String TIMESTAMP = "timestamp";
    /** The correlation id. */
    public static final String CORRELATION_ID = "correlation_id";
    /** The plan, when set. */
    public static final String PLAN_ID = "plan_id";
    /** The root plan, when set. */
    public static final String ROOT_PLAN_ID = "root_plan_id";
    /** The session, when set. */
    public static final String SESSION_ID = "session_id";
    /** The actor, when set. */
    public static final String ACTOR_NAME = "actor_name";
    /** The project, when set. */
    public static final String PROJECT_NAME = "project_name";
    /** The details object. */
    public static final String DETAILS = "details";
    /**
     * The prefix that names one top-level detail where an event is flattened into named values (log
     * key-values, {@code event.filter} attributes): {@code details.<key>}.
     */
    public static final String DETAIL_PREFIX = DETAILS + ".";

    private WireFields() {
    }
}
