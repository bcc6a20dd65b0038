package ai.cleveragents.events.bridge.kafka.internal;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;

/** The record headers the bridge writes and reads (UTF-8 values). */
final class Headers {

    /** The event's type id, such as {@code plan.created}. */
    static final String EVENT_TYPE = "event_type";
    /** The event's id (a ULID). */
    static final String EVENT_ID = "event_id";
    /** The node id of the runtime that produced the record. */
    static final String ORIGIN = "origin_node_id";
    /** On a dead-letter record: why it was rejected ({@link RejectReason#key()}). */
    static final String REJECT_REASON = "reject_reason";
    /** On a dead-letter record: {@code <topic>-<partition>@<offset>} of the original record. */
    static final String SOURCE = "source";

    private Headers() {
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the header's value as text, {@code null} if absent */
    static String text(org.apache.kafka.common.header.Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
