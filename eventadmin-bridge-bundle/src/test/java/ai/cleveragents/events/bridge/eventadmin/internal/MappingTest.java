package ai.cleveragents.events.bridge.eventadmin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

/** Both directions of the property mapping, as pure functions. */
public class MappingTest {

    private final Topics topics = new Topics("cleveragents");
    private final OutboundMapping out = new OutboundMapping(topics, "origin-1");
    private final InboundMapping in = new InboundMapping(topics);

    static DomainEvent fullEvent(EventType type) {
        return DomainEvent.builder(type)
                .timestamp(Instant.parse("2026-11-25T11:00:00.123456789Z"))
                .correlationId("corr-1").planId("p-1").rootPlanId("p-0").sessionId("s-1")
                .actorName("planner").projectName("demo")
                .detail("from", "draft").detail("n", 3).detail("big", new BigInteger("123456789012345678901234567890"))
                .detail("exact", new BigDecimal("0.1000000000000000000001")).detail("ok", true).detail("none", null)
                .detail("list", List.of(1, "two", Map.of("k", 2.5))).detail("nested", Map.of("a", List.of()))
                .build();
    }

    @Test
    public void outboundPropertiesCarryEveryFieldUnderItsWireName() {
        DomainEvent e = fullEvent(EventType.PLAN_PHASE_CHANGED);
        Map<String, Object> p = out.properties(e);
        assertEquals("cleveragents/plan/phase_changed", p.get(EventConstants.EVENT_TOPIC));
        assertEquals("cleveragents/plan/phase_changed", out.topicOf(e));
        assertEquals(e.eventId(), p.get("event_id"));
        assertEquals("plan.phase_changed", p.get("event_type"));
        assertEquals(e.timestamp().toEpochMilli(), p.get("timestamp"));
        assertEquals("2026-11-25T11:00:00.123456789Z", p.get("timestamp_iso"));
        assertEquals("corr-1", p.get("correlation_id"));
        assertEquals("p-1", p.get("plan_id"));
        assertEquals("p-0", p.get("root_plan_id"));
        assertEquals("s-1", p.get("session_id"));
        assertEquals("planner", p.get("actor_name"));
        assertEquals("demo", p.get("project_name"));
        assertSame(e.details(), p.get("details"));
        assertEquals("origin-1", p.get(PropertyKeys.ORIGIN));
        assertEquals(13, p.size());
    }

    @Test
    public void outboundDetailsAreUnmodifiableAndNullContextFieldsAbsent() {
        DomainEvent e = DomainEvent.builder(EventType.DECISION_CREATED).detail("q", "which?").build();
        Map<String, Object> p = out.properties(e);
        for (String absent : List.of("plan_id", "root_plan_id", "session_id", "actor_name", "project_name")) {
            assertFalse(absent, p.containsKey(absent));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) p.get("details");
        assertThrows(UnsupportedOperationException.class, () -> details.put("x", 1));
        Event event = new Event(out.topicOf(e), p);
        assertSame(e.details(), event.getProperty("details"));
    }

    @Test
    public void everyTypeRoundTripsToAnEqualEvent() throws InboundRejection {
        for (EventType type : EventType.values()) {
            DomainEvent e = fullEvent(type);
            Event event = new Event(out.topicOf(e), out.properties(e));
            assertEquals(type.id(), e, in.toDomainEvent(event));
        }
    }

    @Test
    public void aMinimalInboundEventGetsGeneratedIdsAndNow() throws InboundRejection {
        Instant before = Instant.now();
        DomainEvent e = in.toDomainEvent(new Event("cleveragents/decision/created", Map.of()));
        assertEquals(EventType.DECISION_CREATED, e.eventType());
        assertNotNull(e.eventId());
        assertNotNull(e.correlationId());
        assertFalse(e.timestamp().isBefore(before));
        assertTrue(e.details().isEmpty());
    }

    @Test
    public void inboundMillisAloneGiveTheTimestamp() throws InboundRejection {
        DomainEvent e = in.toDomainEvent(new Event("cleveragents/plan/created", Map.of("timestamp", 1_764_068_400_123L)));
        assertEquals(Instant.ofEpochMilli(1_764_068_400_123L), e.timestamp());
    }

    @Test
    public void inboundDetailsAreCopiedAndNormalised() throws InboundRejection {
        Map<String, Object> details = new HashMap<>();
        details.put("n", 7);
        details.put("list", List.of(1.5f));
        DomainEvent e = in.toDomainEvent(new Event("cleveragents/tool/invoked", Map.of("details", details)));
        details.put("later", "ignored");
        assertEquals(Map.of("n", 7L, "list", List.of(1.5d)), e.details());
    }

    @Test
    public void topicsUseTheConfiguredPrefix() {
        Topics t = new Topics("acme/events");
        assertEquals("acme/events/sandbox/command_executed", t.topicOf(EventType.SANDBOX_COMMAND_EXECUTED));
        assertEquals("acme/events/*", t.subscription());
        assertEquals("acme/events", t.prefix());
        assertTrue(t.covers("acme/events/plan/created"));
        assertFalse(t.covers("acme/eventsx/plan/created"));
        assertFalse(t.covers("other/plan/created"));
    }
}
