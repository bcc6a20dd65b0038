package ai.cleveragents.events.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;

/** {@code event.filter} for {@code subscribe}: LDAP over the event's fields. */
public class HandlerFilterTest {

    private static final DomainEvent EVENT = DomainEvent.builder(EventType.TOOL_INVOKED).planId("p-1").rootPlanId("r-1")
            .sessionId("s-1").actorName("planner").projectName("demo").correlationId("c-1")
            .detail("tool", "search").detail("attempt", 3).detail("nested", Map.of("a", 1)).build();

    @Test
    public void everyContextFieldAndTopLevelDetailCanBeMatched() {
        for (String filter : List.of("(plan_id=p-1)", "(root_plan_id=r-1)", "(session_id=s-1)", "(actor_name=planner)",
                "(project_name=demo)", "(correlation_id=c-1)", "(event_type=tool.invoked)", "(event_id=" + EVENT.eventId()
                + ")", "(details.tool=search)", "(details.attempt>=2)", "(&(plan_id=p-*)(!(details.tool=shell)))")) {
            assertTrue(filter, HandlerFilter.parse(filter).matches(EVENT));
        }
        for (String filter : List.of("(plan_id=p-2)", "(details.attempt>=4)", "(details.missing=*)", "(unknown=*)",
                "(Plan_Id=p-1)")) {
            assertFalse(filter, HandlerFilter.parse(filter).matches(EVENT));
        }
    }

    @Test
    public void thePropertiesAreTheFieldsPresent() {
        EventProperties p = new EventProperties(DomainEvent.builder(EventType.PLAN_CREATED).detail("k", "v").build());
        assertNull(p.get("plan_id"));
        assertNull(p.get(42));
        assertFalse(p.containsKey("plan_id"));
        assertTrue(p.containsKey("details.k"));
        assertEquals(Set.of("event_id", "event_type", "correlation_id", "details.k"), p.keySet());
    }

    @Test
    public void subscribeDeliversOnlyMatchingEventsAndRefusesAnInvalidFilter() {
        DispatchEngine engine = new DispatchEngine("test", (e, emitter) -> false);
        EventBus bus = engine.view(null);
        List<DomainEvent> got = new ArrayList<>();
        bus.subscribe(EnumSet.of(EventType.TOOL_INVOKED), "(details.tool=search)", got::add);
        bus.emit(EVENT);
        bus.emit(DomainEvent.builder(EventType.TOOL_INVOKED).detail("tool", "shell").build());
        assertEquals(List.of(EVENT), got);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bus.subscribe(EnumSet.of(EventType.TOOL_INVOKED), "(plan_id=p-1", got::add));
        assertTrue(e.getMessage(), e.getMessage().startsWith("invalid event.filter '(plan_id=p-1': "));
        assertThrows(NullPointerException.class, () -> bus.subscribe(EnumSet.of(EventType.TOOL_INVOKED), null, got::add));
        assertEquals(1, engine.metrics().subscriptions());
        assertEquals("(details.tool=search)", HandlerFilter.parse("(details.tool=search)").toString());
    }
}
