package ai.cleveragents.events.bridge.eventadmin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.service.event.Event;

/** Every kind of bad inbound input is rejected whole, with the reason it is counted under. */
public class InboundRejectionTest {

    private static final String ULID = "01JDQ6Z7W4Y3E5V1N8K2M0P9QR";

    private final InboundMapping in = new InboundMapping(new Topics("cleveragents"));

    private InboundRejection reject(String topic, Map<String, ?> properties) {
        return assertThrows(InboundRejection.class, () -> in.toDomainEvent(new Event(topic, properties)));
    }

    private void assertRejected(DropReason reason, String messagePart, String topic, Map<String, ?> properties) {
        InboundRejection r = reject(topic, properties);
        assertEquals(r.getMessage(), reason, r.reason());
        assertTrue(r.getMessage(), r.getMessage().contains(messagePart));
    }

    private void assertRejected(DropReason reason, String messagePart, Map<String, ?> properties) {
        assertRejected(reason, messagePart, "cleveragents/decision/created", properties);
    }

    @Test
    public void aTopicWithoutDomainAndNameHasNoType() {
        for (String topic : List.of("cleveragents/decision", "cleveragents/decision/created/extra")) {
            assertRejected(DropReason.MISSING_TYPE, "<domain>/<name>", topic, Map.of());
        }
    }

    @Test
    public void anUnknownTypeIsNamed() {
        assertRejected(DropReason.UNKNOWN_TYPE, "decision.exploded", "cleveragents/decision/exploded", Map.of());
        assertRejected(DropReason.UNKNOWN_TYPE, "valid ids", "cleveragents/weather/changed", Map.of());
    }

    @Test
    public void anEventTypeDisagreeingWithTheTopicIsInvalid() {
        assertRejected(DropReason.INVALID_VALUE, "does not match", Map.of("event_type", "plan.created"));
    }

    @Test
    public void wrongPropertyTypesAreNamed() {
        assertRejected(DropReason.WRONG_PROPERTY_TYPE, "event_type must be a String", Map.of("event_type", 1));
        assertRejected(DropReason.WRONG_PROPERTY_TYPE, "event_id must be a String", Map.of("event_id", 42L));
        assertRejected(DropReason.WRONG_PROPERTY_TYPE, "correlation_id", Map.of("correlation_id", new Object()));
        assertRejected(DropReason.WRONG_PROPERTY_TYPE, "timestamp must be a Long", Map.of("timestamp", "yesterday"));
        assertRejected(DropReason.WRONG_PROPERTY_TYPE, "timestamp_iso", Map.of("timestamp_iso", 5L));
        assertRejected(DropReason.WRONG_PROPERTY_TYPE, "plan_id must be a String", Map.of("plan_id", 7));
        assertRejected(DropReason.WRONG_PROPERTY_TYPE, "details must be a Map", Map.of("details", "{}"));
    }

    @Test
    public void badIdsAreInvalidIds() {
        assertRejected(DropReason.INVALID_ID, "not a ULID", Map.of("event_id", "not-a-ulid"));
        assertRejected(DropReason.INVALID_ID, "correlation_id is blank", Map.of("event_id", ULID, "correlation_id", " "));
    }

    @Test
    public void badValuesAreInvalidValues() {
        assertRejected(DropReason.INVALID_VALUE, "not an ISO-8601", Map.of("timestamp_iso", "11 o'clock"));
        assertRejected(DropReason.INVALID_VALUE, "disagree",
                Map.of("timestamp_iso", "2026-11-25T11:00:00.123Z", "timestamp", 0L));
        assertRejected(DropReason.INVALID_VALUE, "session_id is blank", Map.of("session_id", ""));
    }

    @Test
    public void detailsThatAreNotJsonCompatibleAreNamedByPath() {
        assertRejected(DropReason.INVALID_DETAILS, "details.when", Map.of("details", Map.of("when", new Date())));
        assertRejected(DropReason.INVALID_DETAILS, "details.args[1]",
                Map.of("details", Map.of("args", List.of(1, new StringBuilder()))));
        assertRejected(DropReason.INVALID_DETAILS, "details.x", Map.of("details", Map.of("x", Double.NaN)));
        Map<Object, Object> badKey = new HashMap<>();
        badKey.put(1, "one");
        assertRejected(DropReason.INVALID_DETAILS, "must be a String", Map.of("details", badKey));
    }
}
