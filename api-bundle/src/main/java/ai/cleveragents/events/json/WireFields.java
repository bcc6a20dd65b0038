package ai.cleveragents.events.json;

/** The wire format's field names. */
final class WireFields {
    static final String EVENT_ID = "event_id";
    static final String EVENT_TYPE = "event_type";
    static final String TIMESTAMP = "timestamp";
    static final String CORRELATION_ID = "correlation_id";
    static final String PLAN_ID = "plan_id";
    static final String ROOT_PLAN_ID = "root_plan_id";
    static final String SESSION_ID = "session_id";
    static final String ACTOR_NAME = "actor_name";
    static final String PROJECT_NAME = "project_name";
    static final String DETAILS = "details";

    private WireFields() {
    }
}
