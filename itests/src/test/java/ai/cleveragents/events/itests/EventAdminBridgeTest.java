package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import javax.inject.Inject;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.MetricsSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The Event Admin bridge with the reactive bus and the real Felix Event Admin, default configuration. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventAdminBridgeTest extends BridgeTestSupport {

    @Inject
    private EventBus bus;

    @Inject
    private EventAdmin eventAdmin;

    @Inject
    @Filter("(metrics.name=eventadmin-bridge)")
    private MetricsSource bridgeMetrics;

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), reactiveBus(),
                bundleFile(BRIDGE_BSN)};
    }

    private static DomainEvent planEvent(EventType type) {
        return DomainEvent.builder(type).planId("p-1").rootPlanId("p-0").sessionId("s-1").actorName("planner")
                .projectName("demo").correlationId("c-1").detail("goal", "ship it").detail("attempt", 2)
                .detail("phases", List.of("draft", Map.of("name", "review", "optional", false))).build();
    }

    private long metric(String name) {
        return bridgeMetrics.metrics().get(name);
    }

    @Test
    public void aPlainEventAdminHandlerReceivesPlanEventsWithEveryPropertyAndNoDecision() throws Exception {
        BlockingQueue<Event> plans = eventAdminSubscriber("cleveragents/plan/*");
        DomainEvent created = planEvent(EventType.PLAN_CREATED);
        DomainEvent phaseChanged = DomainEvent.builder(EventType.PLAN_PHASE_CHANGED).planId("p-1")
                .correlationId(created.eventId()).detail("from", "draft").detail("to", "review").build();
        DomainEvent decision = DomainEvent.builder(EventType.DECISION_CREATED).planId("p-1").build();
        DomainEvent marker = DomainEvent.of(EventType.PLAN_STARTED);
        bus.emit(created);
        bus.emit(phaseChanged);
        bus.emit(decision);
        bus.emit(marker);
        assertCarries(created, next(plans));
        assertCarries(phaseChanged, next(plans));
        // Event Admin delivers one thread's posts in order: the decision would have come before the marker.
        assertCarries(marker, next(plans));
        assertTrue(plans.isEmpty());
    }

    @Test
    public void theOutboundObserverLeavesUnhandledRoutingWorking() throws Exception {
        BlockingQueue<DomainEvent> dead = unhandledSubscriber();
        BlockingQueue<Event> eventAdminSide = eventAdminSubscriber("cleveragents/budget/*");
        BlockingQueue<DomainEvent> plans = busSubscriber("plan.created");
        long unhandledBefore = bus.metrics().unhandled().getOrDefault(EventType.BUDGET_EXCEEDED, 0L);
        DomainEvent lonely = DomainEvent.of(EventType.BUDGET_EXCEEDED);
        DomainEvent handled = DomainEvent.of(EventType.PLAN_CREATED);
        bus.emit(lonely);
        bus.emit(handled);
        assertEquals("the bridge still forwards it", lonely.eventId(), next(eventAdminSide).getProperty("event_id"));
        assertEquals(handled, next(plans));
        assertEquals("no handler but the bridge's observer: unhandled", lonely, next(dead));
        assertTrue("a handled event went to the unhandled handler", dead.isEmpty());
        assertEquals(unhandledBefore + 1, (long) bus.metrics().unhandled().get(EventType.BUDGET_EXCEEDED));
        assertTrue("the bridge is listed as an observer", bus.metrics().subscriptionDetails().stream()
                .anyMatch(s -> s.observer() && s.owner().startsWith(BRIDGE_BSN)));
    }

    @Test
    public void sentAndPostedEventsReachABusSubscriberFieldByField() throws Exception {
        BlockingQueue<DomainEvent> decisions = busSubscriber("decision.created");
        DomainEvent sent = DomainEvent.builder(EventType.DECISION_CREATED)
                .timestamp(Instant.parse("2026-11-25T11:00:00.123456Z")).correlationId("c-9").planId("p-9")
                .rootPlanId("p-0").sessionId("s-9").actorName("architect").projectName("demo")
                .detail("question", "which store?").detail("options", List.of("files", "db"))
                .detail("weights", Map.of("files", 0.7, "db", 3)).build();
        eventAdmin.sendEvent(new Event("cleveragents/decision/created", documentedProperties(sent)));
        assertEquals(sent, next(decisions));

        DomainEvent posted = sent.toBuilder().eventId(DomainEvent.newUlid()).build();
        eventAdmin.postEvent(new Event("cleveragents/decision/created", documentedProperties(posted)));
        DomainEvent received = next(decisions);
        assertEquals(posted, received);
        assertEquals(posted.eventId(), received.eventId());
        assertEquals(posted.timestamp(), received.timestamp());
        assertEquals(posted.details(), received.details());
    }

    @Test
    public void bothWaysOneEmitGivesOneEventAdminEventAndOneBusDeliveryAThousandTimes() throws Exception {
        BlockingQueue<Event> eventAdminSide = eventAdminSubscriber("cleveragents/tool/*");
        BlockingQueue<DomainEvent> busSide = busSubscriber("tool.invoked");
        BlockingQueue<DomainEvent> markers = busSubscriber("session.started");
        long outBefore = metric("out");
        for (int i = 0; i < 1_000; i++) {
            DomainEvent e = DomainEvent.builder(EventType.TOOL_INVOKED).detail("i", i).build();
            bus.emit(e);
            assertEquals(e, next(busSide));
            assertEquals(e.eventId(), next(eventAdminSide).getProperty("event_id"));
        }
        // Posted after the 1,000 by the same thread: when it has come in, any echo would have too.
        eventAdmin.postEvent(new Event("cleveragents/session/started", Map.of()));
        next(markers);
        assertTrue("an echo reached the bus", busSide.isEmpty());
        assertTrue("an event went out twice", eventAdminSide.isEmpty());
        assertEquals(1_000, metric("out") - outBefore);
    }

    @Test
    public void badInboundInputIsCountedByReasonAndTheSenderIsUnaffected() throws Exception {
        BlockingQueue<Event> otherHandler = eventAdminSubscriber("cleveragents/*");
        BlockingQueue<DomainEvent> busSide = busSubscriber("*");
        Map<String, Long> before = bridgeMetrics.metrics();
        Map<String, Object> badDetails = new HashMap<>();
        badDetails.put("details", Map.of("when", new Date()));
        List<Event> bad = List.of(
                new Event("cleveragents/plan", Map.of()),
                new Event("cleveragents/plan/exploded", Map.of()),
                new Event("cleveragents/plan/created", Map.of("plan_id", 42)),
                new Event("cleveragents/plan/created", Map.of("details", "not a map")),
                new Event("cleveragents/plan/created", badDetails),
                new Event("cleveragents/plan/created", Map.of("event_id", "not-a-ulid")));
        Map<String, Long> expectedDrops = Map.of("dropped.missing_type", 2L, "dropped.unknown_type", 2L,
                "dropped.wrong_property_type", 4L, "dropped.invalid_details", 2L, "dropped.invalid_id", 2L);
        for (Event e : bad) {
            eventAdmin.sendEvent(e);
        }
        eventAdmin.sendEvent(new Event("cleveragents/session/started", Map.of("session_id", "sent")));
        assertEquals("sent", next(busSide).sessionId());
        for (Event e : bad) {
            eventAdmin.postEvent(e);
        }
        eventAdmin.postEvent(new Event("cleveragents/session/started", Map.of("session_id", "posted")));
        assertEquals("posted", next(busSide).sessionId());
        assertTrue("a bad input reached the bus", busSide.isEmpty());
        Map<String, Long> after = bridgeMetrics.metrics();
        expectedDrops.forEach((name, n) -> assertEquals(name, before.get(name) + n, (long) after.get(name)));
        Event last = null;
        for (int i = 0; i < 2 * bad.size() + 2; i++) {
            last = next(otherHandler);
        }
        assertEquals("Event Admin kept delivering to the other handler", "posted", last.getProperty("session_id"));
    }
}
