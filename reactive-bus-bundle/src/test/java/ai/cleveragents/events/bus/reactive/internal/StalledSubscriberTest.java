package ai.cleveragents.events.bus.reactive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;

import org.awaitility.Awaitility;
import org.junit.Test;

/**
 * A stream subscriber that stops requesting must not hold up the synchronous path under
 * {@code drop_newest} or {@code cancel}: with a subscriber that requested 3 events and never more, and
 * a buffer of 8, 20,000 emits all return and reach the synchronous handler; under {@code block} the
 * same emitter waits (the control), until the bus closes. Deterministic: it checks that emits return,
 * never how fast (figures come from JMH).
 */
public class StalledSubscriberTest {

    private static final int EVENTS = 20_000;
    private static final int BUFFER = 8;

    private static ReactiveBus bus(OverflowPolicy policy) {
        return new ReactiveBus(null, new StreamPublisher(BUFFER, policy));
    }

    private static CompletableFuture<Void> emitAll(EventBus view) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < EVENTS; i++) {
                view.emit(DomainEvent.of(EventType.TOOL_INVOKED));
            }
        });
    }

    private static TestSubscriber stalled(ReactiveBus bus) throws InterruptedException {
        TestSubscriber s = new TestSubscriber(3);
        bus.stream().subscribe(s);
        s.awaitSubscribed();
        return s;
    }

    @Test
    public void dropNewestKeepsTheSyncPathFlowingAndCountsEveryDrop() throws Exception {
        ReactiveBus bus = bus(OverflowPolicy.DROP_NEWEST);
        EventBus view = bus.engine().view(null);
        LongAdder handled = new LongAdder();
        view.subscribeAll(e -> handled.increment());
        TestSubscriber s = stalled(bus);
        emitAll(view).get(60, TimeUnit.SECONDS);
        assertEquals(EVENTS, handled.sum());
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> s.received.size() == 3);
        assertEquals("everything beyond the 3 requested and the 8 buffered was dropped", EVENTS - 3 - BUFFER,
                view.metrics().drops());
        bus.close(1_000);
    }

    @Test
    public void cancelRemovesTheStalledSubscriberAndTheSyncPathGoesOn() throws Exception {
        ReactiveBus bus = bus(OverflowPolicy.CANCEL);
        EventBus view = bus.engine().view(null);
        LongAdder handled = new LongAdder();
        view.subscribeAll(e -> handled.increment());
        TestSubscriber s = stalled(bus);
        emitAll(view).get(60, TimeUnit.SECONDS);
        assertEquals(EVENTS, handled.sum());
        s.awaitTerminated();
        assertNotNull(s.error);
        assertTrue(s.error.getMessage(), s.error.getMessage().contains("overflow policy cancel"));
        assertEquals(0, view.metrics().streamSubscribers());
        bus.close(1_000);
    }

    @Test
    public void blockIsTheControlTheEmitterWaitsUntilTheBusCloses() throws Exception {
        ReactiveBus bus = bus(OverflowPolicy.BLOCK);
        EventBus view = bus.engine().view(null);
        LongAdder handled = new LongAdder();
        view.subscribeAll(e -> handled.increment());
        stalled(bus);
        CompletableFuture<Void> emits = emitAll(view);
        Awaitility.await().during(200, TimeUnit.MILLISECONDS).atMost(10, TimeUnit.SECONDS)
                .until(() -> !emits.isDone() && handled.sum() == 3 + BUFFER);
        bus.close(1_000);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(emits::isDone);
        assertTrue("the emits after the close were rejected", emits.isCompletedExceptionally());
    }
}
