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

    /** A bus with a counting synchronous handler and a stream subscriber that requested 3 events. */
    private record Stalled(ReactiveBus bus, EventBus view, LongAdder handled, TestSubscriber subscriber) {

        static Stalled start(OverflowPolicy policy) throws InterruptedException {
            ReactiveBus bus = new ReactiveBus(null, new StreamPublisher(BUFFER, policy));
            EventBus view = bus.engine().view(null);
            LongAdder handled = new LongAdder();
            view.subscribeAll(e -> handled.increment());
            TestSubscriber s = new TestSubscriber(3);
            bus.stream().subscribe(s);
            s.awaitSubscribed();
            return new Stalled(bus, view, handled, s);
        }

        CompletableFuture<Void> emitAll() {
            return CompletableFuture.runAsync(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    view.emit(DomainEvent.of(EventType.TOOL_INVOKED));
                }
            });
        }
    }

    @Test
    public void dropNewestKeepsTheSyncPathFlowingAndCountsEveryDrop() throws Exception {
        Stalled s = Stalled.start(OverflowPolicy.DROP_NEWEST);
        s.emitAll().get(60, TimeUnit.SECONDS);
        assertEquals(EVENTS, s.handled().sum());
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> s.subscriber().received.size() == 3);
        assertEquals("everything beyond the 3 requested and the 8 buffered was dropped", EVENTS - 3 - BUFFER,
                s.view().metrics().drops());
        s.bus().close(1_000);
    }

    @Test
    public void cancelRemovesTheStalledSubscriberAndTheSyncPathGoesOn() throws Exception {
        Stalled s = Stalled.start(OverflowPolicy.CANCEL);
        s.emitAll().get(60, TimeUnit.SECONDS);
        assertEquals(EVENTS, s.handled().sum());
        s.subscriber().awaitTerminated();
        assertNotNull(s.subscriber().error);
        assertTrue(s.subscriber().error.getMessage(), s.subscriber().error.getMessage().contains("overflow policy cancel"));
        assertEquals(0, s.view().metrics().streamSubscribers());
        s.bus().close(1_000);
    }

    @Test
    public void blockIsTheControlTheEmitterWaitsUntilTheBusCloses() throws Exception {
        Stalled s = Stalled.start(OverflowPolicy.BLOCK);
        CompletableFuture<Void> emits = s.emitAll();
        Awaitility.await().during(200, TimeUnit.MILLISECONDS).atMost(10, TimeUnit.SECONDS)
                .until(() -> !emits.isDone() && s.handled().sum() == 3 + BUFFER);
        s.bus().close(1_000);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(emits::isDone);
        assertTrue("the emits after the close were rejected", emits.isCompletedExceptionally());
    }
}
