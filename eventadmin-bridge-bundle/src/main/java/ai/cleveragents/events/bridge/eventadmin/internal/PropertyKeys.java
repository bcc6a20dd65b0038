package ai.cleveragents.events.bridge.eventadmin.internal;

/**
 * Event Admin property keys of the bridge's mapping: the wire format's snake_case field names, plus
 * {@code timestamp_iso} and the bridge's origin mark. The table in {@code docs/reference/eventadmin-bridge.md}
 * documents them.
 */
final class PropertyKeys {
    static final String EVENT_ID = "event_id";
    static final String EVENT_TYPE = "event_type";
    /** Epoch milliseconds as a {@code Long}, as Event Admin's own {@code EventConstants.TIMESTAMP}. */
    static final String TIMESTAMP = "timestamp";
    /** The full-precision ISO-8601 UTC instant, as in the wire format. */
    static final String TIMESTAMP_ISO = "timestamp_iso";
    static final String CORRELATION_ID = "correlation_id";
    static final String PLAN_ID = "plan_id";
    static final String ROOT_PLAN_ID = "root_plan_id";
    static final String SESSION_ID = "session_id";
    static final String ACTOR_NAME = "actor_name";
    static final String PROJECT_NAME = "project_name";
    static final String DETAILS = "details";
    /** Set on outbound events to the posting bridge instance's id; the bridge ignores its own events. */
    static final String ORIGIN = "cleveragents.bridge.origin";

    private PropertyKeys() {
    }
}
