package ai.cleveragents.events.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.SubscriptionInfo;

import org.junit.Test;

public class DispatchEngineTest {

    private final DispatchEngine engine = new DispatchEngine("test", (event, emitter) -> false);
    private final EventBus bus = engine.view(null);

    @Test
    public void handlersRunInSubscriptionOrderOnTheEmittingThread() {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        Thread emitter = Thread.currentThread();
        bus.subscribe(EventType.PLAN_CREATED, e -> calls.add("a" + (Thread.currentThread() == emitter)));
        bus.subscribeAll(e -> calls.add("b"));
        bus.subscribe(EnumSet.of(EventType.PLAN_CREATED, EventType.PLAN_FAILED), e -> calls.add("c"));
        bus.emit(DomainEvent.of(EventType.PLAN_CREATED));
        bus.emit(DomainEvent.of(EventType.PLAN_FAILED));
        assertEquals(List.of("atrue", "b", "c", "b", "c"), calls);
    }

    @Test
    public void aThrowingHandlerDisturbsNeitherTheOthersNorTheEmitter() {
        AtomicInteger after = new AtomicInteger();
        bus.subscribe(EventType.TOOL_FAILED, e -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe(EventType.TOOL_FAILED, e -> {
            throw new AssertionError("worse");
        });
        bus.subscribe(EventType.TOOL_FAILED, e -> after.incrementAndGet());
        for (int i = 0; i < 5; i++) {
            bus.emit(DomainEvent.of(EventType.TOOL_FAILED));
        }
        EventBusMetrics m = bus.metrics();
        assertEquals(5, after.get());
        assertEquals(10, m.handlerFailures());
        assertEquals(5, m.deliveries());
        assertEquals(Long.valueOf(5), m.emitted().get(EventType.TOOL_FAILED));
        assertTrue(m.unhandled().isEmpty());
    }

    @Test
    public void eventsNoHandlerReceivesAreCountedAndGivenToUnhandledHandlers() {
        List<DomainEvent> dead = new ArrayList<>();
        engine.addUnhandledHandler(dead::add, null);
        bus.subscribe(EventType.PLAN_CREATED, e -> { });
        DomainEvent lonely = DomainEvent.of(EventType.BUDGET_EXCEEDED);
        bus.emit(lonely);
        bus.emit(DomainEvent.of(EventType.PLAN_CREATED));
        assertEquals(List.of(lonely), dead);
        assertEquals(Map.of(EventType.BUDGET_EXCEEDED, 1L), bus.metrics().unhandled());
    }

    @Test
    public void aHandlerSubscribedTwiceReceivesEachEventTwiceUntilOneSubscriptionCloses() {
        List<DomainEvent> got = new ArrayList<>();
        EventHandler handler = got::add;
        Subscription first = bus.subscribe(EventType.PLAN_CREATED, handler);
        bus.subscribe(EnumSet.of(EventType.PLAN_CREATED), handler);
        DomainEvent event = DomainEvent.of(EventType.PLAN_CREATED);
        bus.emit(event);
        assertEquals(List.of(event, event), got);
        assertEquals(2, bus.metrics().subscriptions());
        first.close();
        bus.emit(event);
        assertEquals(3, got.size());
    }

    @Test
    public void observersSeeEventsButDoNotMakeThemHandled() {
        List<DomainEvent> dead = new ArrayList<>();
        List<DomainEvent> seen = new ArrayList<>();
        engine.addUnhandledHandler(dead::add, null);
        Subscription observer = bus.observe(EnumSet.allOf(EventType.class), seen::add);
        bus.subscribe(EventType.PLAN_CREATED, e -> { });
        DomainEvent lonely = DomainEvent.of(EventType.BUDGET_EXCEEDED);
        DomainEvent handled = DomainEvent.of(EventType.PLAN_CREATED);
        bus.emit(lonely);
        bus.emit(handled);
        assertEquals("the observer sees both", List.of(lonely, handled), seen);
        assertEquals("only the observed one is unhandled", List.of(lonely), dead);
        assertEquals(Map.of(EventType.BUDGET_EXCEEDED, 1L), bus.metrics().unhandled());
        assertEquals("observer twice, the handler, the unhandled handler", 4, bus.metrics().deliveries());
        assertTrue(bus.metrics().subscriptionDetails().stream().anyMatch(i -> i.observer() && !i.unhandled()));
        observer.close();
        bus.emit(lonely);
        assertEquals(2, seen.size());
        assertEquals(2, dead.size());
    }

    @Test
    public void eventsReachingAStreamAreNotUnhandled() {
        DispatchEngine streaming = new DispatchEngine("s", (event, emitter) -> true);
        streaming.emit(DomainEvent.of(EventType.PLAN_CREATED));
        assertTrue(streaming.metrics().unhandled().isEmpty());
    }

    @Test
    public void aThrowingUnhandledHandlerIsIsolatedToo() {
        engine.addUnhandledHandler(e -> {
            throw new IllegalStateException("dead sink broken");
        }, null);
        bus.emit(DomainEvent.of(EventType.CONTEXT_UPDATED));
        assertEquals(1, bus.metrics().handlerFailures());
    }

    @Test
    public void closedSubscriptionsReceiveNothingAndCloseIsIdempotent() {
        AtomicInteger n = new AtomicInteger();
        Subscription s = bus.subscribe(EventType.PLAN_CREATED, e -> n.incrementAndGet());
        bus.emit(DomainEvent.of(EventType.PLAN_CREATED));
        s.close();
        s.close();
        assertFalse(s.isActive());
        bus.emit(DomainEvent.of(EventType.PLAN_CREATED));
        assertEquals(1, n.get());
        assertEquals(0, bus.metrics().subscriptions());
    }

    @Test
    public void closingAnOwnerClosesOnlyItsOwnSubscriptions() {
        Object owner = "owner-1";
        Subscription mine = engine.subscribe(EventType.PLAN_CREATED, e -> { }, owner);
        Subscription theirs = engine.subscribe(EventType.PLAN_CREATED, e -> { }, "owner-2");
        Subscription board = engine.addWhiteboard(Set.of(EventType.PLAN_CREATED), null, e -> { }, owner,
                Registration.Role.HANDLER);
        engine.closeOwner(owner);
        assertFalse(mine.isActive());
        assertTrue(theirs.isActive());
        assertTrue("whiteboard registrations are the tracker's to close", board.isActive());
    }

    @Test
    public void metricsDescribeEverySubscription() {
        bus.subscribe(EventType.SESSION_ENDED, e -> { });
        engine.addUnhandledHandler(e -> { }, "me");
        List<SubscriptionInfo> infos = bus.metrics().subscriptionDetails();
        assertEquals(2, infos.size());
        assertEquals("-", infos.get(0).owner());
        assertEquals(Set.of(EventType.SESSION_ENDED), infos.get(0).types());
        assertFalse(infos.get(0).whiteboard());
        assertTrue(infos.get(1).unhandled());
        assertEquals("me", infos.get(1).owner());
        assertTrue(infos.get(1).toString().contains("owned by me"));
    }

    @Test
    public void theStageCanRefuseAnEventBeforeAnyDelivery() {
        DispatchEngine refusing = new DispatchEngine("r", (event, emitter) -> {
            throw new EventRejectedException(EventRejectedException.Reason.JOURNAL_FAILURE, "disk full", null);
        });
        AtomicInteger n = new AtomicInteger();
        refusing.subscribeAll(e -> n.incrementAndGet(), null);
        EventRejectedException e = assertThrows(EventRejectedException.class,
                () -> refusing.emit(DomainEvent.of(EventType.PLAN_CREATED)));
        assertSame(EventRejectedException.Reason.JOURNAL_FAILURE, e.reason());
        assertEquals(0, n.get());
        assertTrue(refusing.metrics().emitted().isEmpty());
    }

    @Test
    public void aClosedEngineRejectsEmitsAndSubscriptionsAndRunsTheHookOnce() {
        AtomicInteger hook = new AtomicInteger();
        Subscription s = bus.subscribeAll(e -> { });
        engine.close(hook::incrementAndGet, 1000);
        assertTrue(engine.isClosed());
        assertFalse(s.isActive());
        assertEquals(1, hook.get());
        EventRejectedException e = assertThrows(EventRejectedException.class,
                () -> bus.emit(DomainEvent.of(EventType.PLAN_CREATED)));
        assertSame(EventRejectedException.Reason.CLOSED, e.reason());
        assertThrows(EventRejectedException.class, () -> bus.subscribeAll(x -> { }));
    }

    @Test
    public void closeWaitsForEmitsInFlightAndGivesUpAfterItsTimeout() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        AtomicBoolean entered = new AtomicBoolean();
        bus.subscribeAll(e -> {
            entered.set(true);
            while (!release.get()) {
                Thread.onSpinWait();
            }
        });
        Thread emitter = new Thread(() -> bus.emit(DomainEvent.of(EventType.PLAN_CREATED)));
        emitter.start();
        while (!entered.get()) {
            Thread.onSpinWait();
        }
        engine.close(() -> { }, 50);
        assertTrue(engine.isClosed());
        release.set(true);
        emitter.join(10_000);
        assertFalse(emitter.isAlive());
    }

    @Test
    public void invalidArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> bus.emit(null));
        assertThrows(NullPointerException.class, () -> bus.subscribe((EventType) null, e -> { }));
        assertThrows(NullPointerException.class, () -> bus.subscribe(EventType.PLAN_CREATED, null));
        assertThrows(IllegalArgumentException.class, () -> bus.subscribe(Set.of(), e -> { }));
        assertThrows(NullPointerException.class, () -> bus.subscribe(Collections.singleton(null), e -> { }));
    }

    @Test
    public void viewsDescribeThemselves() {
        assertEquals("test event bus for -", bus.toString());
        assertEquals("test", engine.busName());
    }
}
