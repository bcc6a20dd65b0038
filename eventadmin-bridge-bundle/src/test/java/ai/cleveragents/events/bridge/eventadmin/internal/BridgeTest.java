package ai.cleveragents.events.bridge.eventadmin.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;
import ai.cleveragents.events.dispatch.DispatchEngine;
import ai.cleveragents.events.json.WireFields;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

/**
 * A whole bridge against a real bus ({@link DispatchEngine#view}) and a synchronous stand-in for Event
 * Admin that delivers to the bridge's inbound handler as Event Admin would (topic and event filter).
 */
public class BridgeTest {

    private final DispatchEngine engine = new DispatchEngine("test", (e, emitter) -> false);
    private final AtomicReference<EventBus> bound = new AtomicReference<>(engine.view(null));
    private final List<Event> eventAdminSaw = new CopyOnWriteArrayList<>();
    private final List<DomainEvent> busSaw = new CopyOnWriteArrayList<>();
    private Bridge bridge;

    private final AtomicReference<DetailRedactor> redaction = new AtomicReference<>(DetailRedactor.defaults());

    @After
    public void stop() {
        if (bridge != null) {
            bridge.stop();
        }
    }

    private Bridge start(Direction directions, String filter) {
        return start(BridgeSettings.of(directions, "cleveragents", OutboundMode.send, filter, 100, 1_000));
    }

    private Bridge start(BridgeSettings settings) {
        bridge = new Bridge(settings, this::eventAdmin, bound::get, redaction::get, new DropLog(TimeUnit.SECONDS.toNanos(10), System::nanoTime));
        bridge.start();
        if (bridge.outbound() != null) {
            engine.subscribeAll(bridge.outbound(), "bridge");
        }
        engine.subscribeAll(busSaw::add, "test");
        return bridge;
    }

    /** Event Admin's sendEvent: every handler whose topic and filter match, on the caller's thread. */
    private void eventAdmin(Event event) {
        eventAdminSaw.add(event);
        if (bridge.inbound() != null && matchesInbound(event)) {
            bridge.inbound().handleEvent(event);
        }
    }

    private boolean matchesInbound(Event event) {
        Map<String, Object> p = bridge.inboundProperties();
        String topics = (String) p.get(EventConstants.EVENT_TOPIC);
        try {
            return event.getTopic().startsWith(topics.substring(0, topics.length() - 1))
                    && event.matches(FrameworkUtil.createFilter((String) p.get(EventConstants.EVENT_FILTER)));
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private long metric(String name) {
        return bridge.metrics().get(name);
    }

    @Test
    public void bothWaysOneEmitIsOneEventAdminEventAndOneBusDelivery() {
        start(Direction.both, null);
        for (int i = 0; i < 1_000; i++) {
            engine.emit(DomainEvent.builder(EventType.PLAN_CREATED).planId("p-" + i).build());
        }
        assertEquals(1_000, eventAdminSaw.size());
        assertEquals(1_000, busSaw.size());
        assertEquals(1_000, metric("out"));
        assertEquals(0, metric("in"));
        assertEquals(0, metric("queue.depth"));
    }

    @Test
    public void anInboundEventReachesTheBusOnceAndIsNotPostedBack() {
        start(Direction.both, null);
        DomainEvent original = MappingTest.fullEvent(EventType.DECISION_CREATED);
        Map<String, Object> props = new OutboundMapping(new Topics("cleveragents"), "someone-else").properties(original);
        Event event = new Event("cleveragents/decision/created", props);
        bridge.inbound().handleEvent(event);
        await().atMost(Duration.ofSeconds(10)).until(() -> busSaw.size() == 1);
        assertEquals(original, busSaw.get(0));
        assertEquals(0, eventAdminSaw.size());
        assertEquals(1, metric("in"));
        assertEquals(1, metric("loop.suppressed"));
        bridge.inbound().handleEvent(event);
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("dropped.duplicate") == 1);
        assertEquals(1, busSaw.size());
    }

    @Test
    public void anOutboundEventComingBackWithoutItsMarkIsRecognisedById() {
        start(Direction.both, null);
        DomainEvent e = DomainEvent.of(EventType.TOOL_INVOKED);
        engine.emit(e);
        Event echo = eventAdminSaw.get(0);
        Map<String, Object> stripped = new java.util.HashMap<>();
        for (String name : echo.getPropertyNames()) {
            stripped.put(name, echo.getProperty(name));
        }
        stripped.remove(PropertyKeys.ORIGIN);
        bridge.inbound().handleEvent(new Event(echo.getTopic(), stripped));
        bridge.inbound().handleEvent(echo);
        assertEquals(2, metric("loop.suppressed"));
        assertEquals(0, metric("queue.depth"));
        assertEquals(List.of(e), busSaw);
    }

    @Test
    public void topicsOutsideThePrefixAreIgnored() {
        start(Direction.in, null);
        bridge.inbound().handleEvent(new Event("elsewhere/plan/created", Map.of()));
        assertEquals(1, metric("in.ignored_topic"));
        assertEquals(0, metric("queue.depth"));
        assertNull(bridge.outbound());
    }

    @Test
    public void badInboundInputIsCountedByReasonAndNothingReachesTheBus() {
        start(Direction.in, null);
        bridge.inbound().handleEvent(new Event("cleveragents/plan", Map.of()));
        bridge.inbound().handleEvent(new Event("cleveragents/plan/exploded", Map.of()));
        bridge.inbound().handleEvent(new Event("cleveragents/plan/created", Map.of("plan_id", 1)));
        bridge.inbound().handleEvent(new Event("cleveragents/plan/created", Map.of("event_id", "x")));
        bridge.inbound().handleEvent(new Event("cleveragents/plan/created", Map.of("details", Map.of("t", new Object()))));
        bridge.inbound().handleEvent(new Event("cleveragents/plan/created", Map.of("plan_id", "ok")));
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("in") == 1);
        for (String reason : List.of("missing_type", "unknown_type", "wrong_property_type", "invalid_id", "invalid_details")) {
            assertEquals(reason, 1, metric("dropped." + reason));
        }
        assertEquals(1, busSaw.size());
        assertEquals("ok", busSaw.get(0).planId());
    }

    @Test
    public void withoutABusInboundEventsAreCountedAsNoBus() {
        bound.set(null);
        start(Direction.in, null);
        bridge.inbound().handleEvent(new Event("cleveragents/plan/created", Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("dropped.no_bus") == 1);
    }

    @Test
    public void aRejectingBusIsCountedAsRejected() {
        DispatchEngine closed = new DispatchEngine("closed", (e, emitter) -> false);
        closed.close(() -> { }, 1_000);
        bound.set(closed.view(null));
        start(Direction.in, null);
        bridge.inbound().handleEvent(new Event("cleveragents/plan/created", Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("dropped.rejected") == 1);
    }

    @Test
    public void anEventTooLargeForTheJournalIsCountedUnderItsOwnReason() {
        DispatchEngine journalled = new DispatchEngine("journalled", (e, emitter) -> {
            throw new EventRejectedException(EventRejectedException.Reason.TOO_LARGE, "over the limit", null);
        });
        bound.set(journalled.view(null));
        start(Direction.in, null);
        bridge.inbound().handleEvent(new Event("cleveragents/plan/created", Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("dropped.too_large") == 1);
        assertEquals(0, metric("dropped.rejected"));
    }

    @Test
    public void oneRefusedEventOfABatchCostsOnlyItselfAndTheRestArriveInOrder() {
        List<DomainEvent> emitted = new java.util.concurrent.CopyOnWriteArrayList<>();
        DispatchEngine journalled = new DispatchEngine("journalled", (e, emitter) -> {
            if ("huge".equals(e.planId())) {
                throw new EventRejectedException(EventRejectedException.Reason.TOO_LARGE, "over the limit", null);
            }
            emitted.add(e);
            return true;
        });
        bound.set(journalled.view(null));
        start(Direction.in, null);
        for (int i = 0; i < 5; i++) {
            bridge.inbound().handleEvent(new Event("cleveragents/plan/created", Map.of(WireFields.PLAN_ID,
                    i == 2 ? "huge" : "p-" + i)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("in") == 4 && metric("dropped.too_large") == 1);
        assertEquals(List.of("p-0", "p-1", "p-3", "p-4"), emitted.stream().map(DomainEvent::planId).toList());
    }

    @Test
    public void theOutboundFilterSelectsEvents() {
        start(Direction.out, "(|(event.topics=cleveragents/plan/*)(plan_id=keep))");
        engine.emit(DomainEvent.of(EventType.PLAN_CREATED));
        engine.emit(DomainEvent.of(EventType.DECISION_CREATED));
        engine.emit(DomainEvent.builder(EventType.DECISION_CREATED).planId("keep").build());
        assertEquals(2, eventAdminSaw.size());
        assertEquals(1, metric("out.filtered"));
        assertEquals(0, metric("queue.capacity"));
    }

    @Test
    public void outboundEventsAreRedactedByTheCurrentPolicyUnlessSwitchedOff() {
        start(Direction.out, null);
        engine.emit(DomainEvent.builder(EventType.TOOL_INVOKED).actorName("Bearer abcdef123456")
                .detail("password", "hunter2").detail("tool", "http").build());
        Map<?, ?> details = (Map<?, ?>) eventAdminSaw.get(0).getProperty(WireFields.DETAILS);
        assertEquals(Map.of("password", DetailRedactor.MASK, "tool", "http"), details);
        assertEquals("Bearer " + DetailRedactor.MASK, eventAdminSaw.get(0).getProperty(WireFields.ACTOR_NAME));

        redaction.set(DetailRedactor.compile(null));
        engine.emit(DomainEvent.builder(EventType.TOOL_INVOKED).detail("password", "hunter2").build());
        assertEquals("hunter2", ((Map<?, ?>) eventAdminSaw.get(1).getProperty(WireFields.DETAILS)).get("password"));
    }

    @Test
    public void anEventAdminFailureIsCountedNotThrown() {
        Consumer<Event> refusing = e -> {
            throw new IllegalStateException("Event Admin stopped");
        };
        bridge = new Bridge(BridgeSettings.of(Direction.out, "cleveragents", OutboundMode.post, null, 1, 1), refusing,
                bound::get, DetailRedactor::defaults, new DropLog(1, System::nanoTime));
        bridge.outbound().handle(DomainEvent.of(EventType.SESSION_ENDED));
        assertEquals(1, metric("dropped.publish_failed"));
        assertEquals(0, metric("out"));
    }

    @Test
    public void metricsListEveryCounter() {
        start(Direction.both, null);
        Map<String, Long> m = bridge.metrics();
        assertEquals(List.of("in", "out", "loop.suppressed", "out.filtered", "in.ignored_topic"),
                List.copyOf(m.keySet()).subList(0, 5));
        for (DropReason r : DropReason.values()) {
            assertTrue(r.key(), m.containsKey("dropped." + r.key()));
        }
        assertEquals(100L, (long) m.get("queue.capacity"));
    }
}
