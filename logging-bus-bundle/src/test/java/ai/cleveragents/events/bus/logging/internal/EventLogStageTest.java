package ai.cleveragents.events.bus.logging.internal;

import static ai.cleveragents.events.dispatch.redaction.DetailRedactor.MASK;
import static ai.cleveragents.events.bus.logging.internal.LogCapture.keyValues;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.DispatchEngine;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;
import ai.cleveragents.events.json.WireFields;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

import org.junit.After;
import org.junit.Test;

/** Records as a real Logback context receives them. */
public class EventLogStageTest {

    private static final Set<EventType> FAILURES = Set.of(EventType.PLAN_FAILED, EventType.ACTOR_FAILED,
            EventType.TOOL_FAILED, EventType.VALIDATION_FAILED, EventType.BUDGET_EXCEEDED,
            EventType.INVARIANT_VIOLATED);

    private final LogCapture log = new LogCapture();
    private final AtomicReference<DetailRedactor> policy = new AtomicReference<>(DetailRedactor.defaults());
    private final EventLogStage stage = new EventLogStage(log.context, policy::get);
    private final DispatchEngine engine = new DispatchEngine("logging", stage);
    private final EventBus bus = engine.view(null);

    @After
    public void close() {
        engine.close(() -> { }, 1_000);
        log.context.stop();
    }

    @Test
    public void everyFieldIsAKeyValueUnderItsWireName() {
        DomainEvent event = DomainEvent.builder(EventType.DECISION_CREATED)
                .timestamp(Instant.parse("2026-11-25T11:00:00.123456Z")).correlationId("corr-1")
                .planId("p-1").rootPlanId("p-0").sessionId("s-1").actorName("planner").projectName("demo")
                .detail("question", "Which db?").detail("confidence", 0.9).build();

        bus.emit(event);

        ILoggingEvent record = log.only();
        assertEquals("decision.created", record.getFormattedMessage());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("event_type", "decision.created");
        expected.put("event_id", event.eventId());
        expected.put("correlation_id", "corr-1");
        expected.put("timestamp", "2026-11-25T11:00:00.123456Z");
        expected.put("plan_id", "p-1");
        expected.put("root_plan_id", "p-0");
        expected.put("session_id", "s-1");
        expected.put("actor_name", "planner");
        expected.put("project_name", "demo");
        expected.put("details.question", "Which db?");
        expected.put("details.confidence", 0.9);
        assertEquals(expected, keyValues(record));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(keyValues(record).keySet()));
    }

    @Test
    public void absentOptionalFieldsAreAbsentNotNull() {
        bus.emit(DomainEvent.builder(EventType.SESSION_STARTED).sessionId("s-1").build());

        ILoggingEvent record = log.only();
        Map<String, Object> kv = keyValues(record);
        assertEquals(List.of("event_type", "event_id", "correlation_id", "timestamp", "session_id"),
                List.copyOf(kv.keySet()));
        for (String key : List.of("plan_id", "root_plan_id", "actor_name", "project_name")) {
            assertFalse(key, kv.containsKey(key));
        }
        assertFalse("no \"null\" in the record", String.valueOf(record.getKeyValuePairs()).contains("null"));
    }

    @Test
    public void eachDomainHasItsOwnLoggerAndFailuresLogAtWarn() {
        for (EventType type : EventType.values()) {
            bus.emit(DomainEvent.of(type));
        }

        List<ILoggingEvent> records = log.records();
        assertEquals(EventType.values().length, records.size());
        for (int i = 0; i < records.size(); i++) {
            EventType type = EventType.values()[i];
            assertEquals("ai.cleveragents.events." + type.domain(), records.get(i).getLoggerName());
            assertEquals(type.id(), FAILURES.contains(type) ? Level.WARN : Level.INFO, records.get(i).getLevel());
        }
    }

    @Test
    public void aDisabledDomainWritesNothingButStillDelivers() {
        log.level("ai.cleveragents.events.plan", Level.WARN);
        List<DomainEvent> got = new ArrayList<>();
        bus.subscribeAll(got::add);

        bus.emit(DomainEvent.of(EventType.PLAN_CREATED));
        bus.emit(DomainEvent.of(EventType.PLAN_FAILED));
        bus.emit(DomainEvent.of(EventType.DECISION_CREATED));

        assertEquals(List.of("plan.failed", "decision.created"),
                log.records().stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertEquals(3, got.size());
    }

    @Test
    public void sensitiveDetailsAreMaskedAtDepthThreeWhileSubscribersGetThemUnchanged() {
        List<DomainEvent> got = new ArrayList<>();
        bus.subscribe(EventType.TOOL_INVOKED, got::add);
        DomainEvent event = DomainEvent.builder(EventType.TOOL_INVOKED)
                .detail("api_key", "k-123")
                .detail("request", Map.of("headers", Map.of("Authorization", "Bearer abc", "accept", "json"),
                        "attempts", List.of(Map.of("cookie", "c=1", "n", 1))))
                .build();

        bus.emit(event);

        Map<String, Object> kv = keyValues(log.only());
        assertEquals(MASK, kv.get("details.api_key"));
        assertEquals(Map.of("headers", Map.of("Authorization", MASK, "accept", "json"),
                "attempts", List.of(Map.of("cookie", MASK, "n", 1L))), kv.get("details.request"));
        assertEquals(List.of(event), got);
        assertEquals("k-123", got.get(0).details().get("api_key"));
        Map<?, ?> request = (Map<?, ?>) got.get(0).details().get("request");
        assertEquals("Bearer abc", ((Map<?, ?>) request.get("headers")).get("Authorization"));
    }

    @Test
    public void anEmptyPatternTurnsRedactionOffAndAChangeAppliesToTheNextEvent() {
        DomainEvent event = DomainEvent.builder(EventType.SESSION_RESUMED)
                .detail("nested", Map.of("deeper", Map.of("password", "hunter2"))).build();
        policy.set(DetailRedactor.compile(""));
        assertFalse(policy.get().isEnabled());

        bus.emit(event);
        policy.set(DetailRedactor.compile("passw"));
        bus.emit(event);

        List<ILoggingEvent> records = log.records();
        assertEquals(Map.of("deeper", Map.of("password", "hunter2")), keyValues(records.get(0)).get("details.nested"));
        assertEquals(Map.of("deeper", Map.of("password", MASK)), keyValues(records.get(1)).get("details.nested"));
    }

    @Test
    public void secretsUnderHarmlessKeysAndInContextFieldsAreMasked() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl";
        bus.emit(DomainEvent.builder(EventType.TOOL_INVOKED).sessionId(jwt).actorName("Bearer abcdef123456")
                .detail("pässword", "hunter2").detail("url", "https://bob:s3cr3t@host/x")
                .detail("body", "{\"client_secret\":\"cs\"}").detail("prompt_tokens", 12).build());

        String record = keyValues(log.only()).toString();
        for (String secret : List.of("hunter2", "s3cr3t", "\"cs\"", jwt, "abcdef123456")) {
            assertFalse(secret + " in " + record, record.contains(secret));
        }
        assertTrue(record, record.contains("details.prompt_tokens=12"));
    }

    @Test
    public void attackerTextNeverReachesTheRecordRaw() {
        bus.emit(DomainEvent.builder(EventType.TOOL_INVOKED).actorName("a\nFORGED INFO line")
                .detail("k\u001b[2J", List.of("\u009b31m", Map.of("x", "\u202eevil\u2028"))).build());

        Map<String, Object> kv = keyValues(log.only());
        assertEquals("a\\nFORGED INFO line", kv.get(WireFields.ACTOR_NAME));
        assertEquals(List.of("\\u009b31m", Map.of("x", "\\u202eevil\\u2028")), kv.get("details.k\\u001b[2J"));
    }

    @Test
    public void loggingDoesNotMakeAnEventHandled() {
        bus.emit(DomainEvent.of(EventType.CONTEXT_UPDATED));

        assertEquals(1L, engine.metrics().unhandled().get(EventType.CONTEXT_UPDATED).longValue());
        assertEquals(1, log.records().size());
    }
}
