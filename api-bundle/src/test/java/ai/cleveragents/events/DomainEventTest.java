package ai.cleveragents.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.github.f4b6a3.ulid.Ulid;

import org.junit.Test;

public class DomainEventTest {

    private static final String ULID = "01JDQ7J9Z0ABCDEFGHJKMNPQRS";

    @Test
    public void builderDefaultsToFreshUlidsAndUtcNow() {
        Instant before = Instant.now();
        DomainEvent a = DomainEvent.of(EventType.PLAN_CREATED);
        DomainEvent b = DomainEvent.builder(EventType.PLAN_CREATED).build();
        Instant after = Instant.now();

        for (DomainEvent e : List.of(a, b)) {
            assertTrue(e.eventId(), Ulid.isValid(e.eventId()));
            assertTrue(e.correlationId(), Ulid.isValid(e.correlationId()));
            assertFalse(e.timestamp().isBefore(before));
            assertFalse(e.timestamp().isAfter(after));
            assertNull(e.planId());
            assertNull(e.rootPlanId());
            assertNull(e.sessionId());
            assertNull(e.actorName());
            assertNull(e.projectName());
            assertEquals(Map.of(), e.details());
        }
        assertNotEquals(a.eventId(), b.eventId());
        assertNotEquals(a.correlationId(), b.correlationId());
        assertNotEquals(a.eventId(), a.correlationId());
        assertTrue(a.eventId().compareTo(b.eventId()) < 0);
    }

    @Test
    public void timestampIsAnInstantSoItIsUtc() {
        DomainEvent e = DomainEvent.of(EventType.PLAN_CREATED);
        assertTrue(e.timestamp().toString(), e.timestamp().toString().endsWith("Z"));
    }

    @Test
    public void eachBuildOfOneBuilderGetsFreshDefaults() {
        DomainEvent.Builder builder = DomainEvent.builder(EventType.TOOL_INVOKED);
        assertNotEquals(builder.build().eventId(), builder.build().eventId());
    }

    @Test
    public void givenFieldsAreKept() {
        Instant at = Instant.parse("2026-11-25T11:00:00.123456789Z");
        DomainEvent e = DomainEvent.builder(EventType.PLAN_PHASE_CHANGED)
                .eventId(ULID)
                .timestamp(at)
                .correlationId("request-42")
                .planId("p-1")
                .rootPlanId("p-0")
                .sessionId("s-1")
                .actorName("planner")
                .projectName("demo")
                .detail("from", "draft")
                .details(Map.of("to", "running"))
                .details(null)
                .build();
        assertEquals(ULID, e.eventId());
        assertSame(EventType.PLAN_PHASE_CHANGED, e.eventType());
        assertEquals(at, e.timestamp());
        assertEquals("request-42", e.correlationId());
        assertEquals("p-1", e.planId());
        assertEquals("p-0", e.rootPlanId());
        assertEquals("s-1", e.sessionId());
        assertEquals("planner", e.actorName());
        assertEquals("demo", e.projectName());
        assertEquals(Map.of("from", "draft", "to", "running"), e.details());
    }

    @Test
    public void laterDetailsReplaceEarlierOnes() {
        DomainEvent e = DomainEvent.builder(EventType.TOOL_INVOKED).detail("k", 1).detail("k", "two").build();
        assertEquals(Map.of("k", "two"), e.details());
    }

    @Test
    public void toBuilderCopiesEveryField() {
        DomainEvent e = DomainEvent.builder(EventType.SESSION_STARTED).planId("p").rootPlanId("r").sessionId("s")
                .actorName("a").projectName("x").detail("n", List.of(1, Map.of("m", true))).build();
        assertEquals(e, e.toBuilder().build());
        DomainEvent changed = e.toBuilder().sessionId("s-2").build();
        assertEquals("s-2", changed.sessionId());
        assertEquals(e.eventId(), changed.eventId());
        assertEquals(e.details(), changed.details());
    }

    @Test
    public void eventTypeIsRequired() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> DomainEvent.builder(null));
        assertEquals("eventType is required", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> new DomainEvent(null, null, null, null, null, null,
                null, null, null, null));
        assertEquals("eventType is required", e.getMessage());
        assertThrows(NullPointerException.class, () -> DomainEvent.of(null));
    }

    @Test
    public void detailKeyMustNotBeNull() {
        assertThrows(NullPointerException.class, () -> DomainEvent.builder(EventType.TOOL_INVOKED).detail(null, 1));
    }

    @Test
    public void invalidEventIdsAreRejected() {
        for (String bad : List.of("", "not-a-ulid", ULID.substring(1), ULID + "A", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ",
                ULID.substring(1) + "U", "0191e8d2-7c1a-7a6e-9c1e-6f2d1a3b4c5d")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DomainEvent.builder(EventType.PLAN_CREATED).eventId(bad).build());
            assertEquals("eventId '" + bad + "' is not a ULID (26 Crockford base32 characters)", e.getMessage());
        }
    }

    @Test
    public void eventIdsAreCanonicalisedSoEqualUlidsAreEqualStrings() {
        DomainEvent lower = DomainEvent.builder(EventType.PLAN_CREATED).eventId(ULID.toLowerCase()).build();
        assertEquals(ULID, lower.eventId());
        DomainEvent alias = DomainEvent.builder(EventType.PLAN_CREATED).eventId("01JDQ7J9Z0ABCDEFGHJKMNPQRI").build();
        assertEquals("01JDQ7J9Z0ABCDEFGHJKMNPQR1", alias.eventId());
    }

    @Test
    public void blankContextFieldsAreRejectedByName() {
        assertBlankRejected("correlationId", DomainEvent.Builder::correlationId);
        assertBlankRejected("planId", DomainEvent.Builder::planId);
        assertBlankRejected("rootPlanId", DomainEvent.Builder::rootPlanId);
        assertBlankRejected("sessionId", DomainEvent.Builder::sessionId);
        assertBlankRejected("actorName", DomainEvent.Builder::actorName);
        assertBlankRejected("projectName", DomainEvent.Builder::projectName);
    }

    private static void assertBlankRejected(String field,
            BiFunction<DomainEvent.Builder, String, DomainEvent.Builder> setter) {
        for (String blank : List.of("", " ", "\t\n")) {
            DomainEvent.Builder builder = setter.apply(DomainEvent.builder(EventType.PLAN_CREATED), blank);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
            assertEquals(field + " must not be blank", e.getMessage());
        }
    }

    @Test
    public void newUlidIsValidAndIncreasing() {
        String previous = DomainEvent.newUlid();
        for (int i = 0; i < 1000; i++) {
            String next = DomainEvent.newUlid();
            assertTrue(Ulid.isValid(next));
            assertTrue(previous + " !< " + next, previous.compareTo(next) < 0);
            previous = next;
        }
    }

    @Test
    public void equalityIsByValue() {
        DomainEvent e = DomainEvent.builder(EventType.PLAN_CREATED).detail("a", List.of(1)).build();
        DomainEvent same = new DomainEvent(e.eventId(), e.eventType(), e.timestamp(), e.correlationId(), null, null,
                null, null, null, Map.of("a", List.of(1L)));
        assertEquals(e, same);
        assertEquals(e.hashCode(), same.hashCode());
        assertNotEquals(e, e.toBuilder().detail("a", List.of(2)).build());
    }
}
