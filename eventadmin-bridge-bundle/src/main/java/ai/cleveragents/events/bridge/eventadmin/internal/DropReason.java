package ai.cleveragents.events.bridge.eventadmin.internal;

/** Why the bridge dropped an event; {@link #key()} is the metric name suffix ({@code dropped.<key>}). */
enum DropReason {
    /** The inbound topic has no {@code <domain>/<name>} after the prefix. */
    MISSING_TYPE("missing_type"),
    /** The inbound topic names no known event type. */
    UNKNOWN_TYPE("unknown_type"),
    /** An inbound property has the wrong Java type (for example a non-String {@code plan_id}). */
    WRONG_PROPERTY_TYPE("wrong_property_type"),
    /** An inbound {@code event_id} is not a ULID, or a {@code correlation_id} is blank. */
    INVALID_ID("invalid_id"),
    /** An inbound value is malformed or inconsistent (blank context field, bad timestamp, type mismatch). */
    INVALID_VALUE("invalid_value"),
    /** Inbound {@code details} are not JSON-compatible. */
    INVALID_DETAILS("invalid_details"),
    /** An inbound event id was already emitted on the bus. */
    DUPLICATE("duplicate"),
    /** The inbound queue was full. */
    QUEUE_FULL("queue_full"),
    /** No bus was bound when an inbound event was to be emitted. */
    NO_BUS("no_bus"),
    /** The bus refused an inbound event (journal failure, or closed on every retry). */
    REJECTED("rejected"),
    /** The bus refused an inbound event as too large for its journal ({@link ai.cleveragents.events.EventLimits}). */
    TOO_LARGE("too_large"),
    /** Event Admin threw when an outbound event was handed to it. */
    PUBLISH_FAILED("publish_failed"),
    /** An inbound event was still queued when the bridge stopped. */
    SHUTDOWN("shutdown");

    private final String key;

    DropReason(String key) {
        this.key = key;
    }

    /** @return the snake_case name used in metrics and log lines */
    String key() {
        return key;
    }
}
