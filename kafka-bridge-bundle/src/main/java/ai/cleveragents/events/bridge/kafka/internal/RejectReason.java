package ai.cleveragents.events.bridge.kafka.internal;

/** Why an inbound record was not emitted; each is counted as {@code in.rejected.<key>}. */
enum RejectReason {
    /** No value (a tombstone) or an empty one. */
    NO_VALUE("no_value"),
    /** Larger than the codec's limit. */
    TOO_LARGE("too_large"),
    /** Not a well-formed event (bad JSON, wrong field types, bad ids). */
    MALFORMED("malformed"),
    /** A well-formed event of a type this runtime does not know. */
    UNKNOWN_TYPE("unknown_type"),
    /** The {@code event_id} header names another event than the value. */
    HEADER_MISMATCH("header_mismatch"),
    /** The local bus refused the event (too large for the journal, cascade limit). */
    BUS_REFUSED("bus_refused");

    private final String key;

    RejectReason(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
