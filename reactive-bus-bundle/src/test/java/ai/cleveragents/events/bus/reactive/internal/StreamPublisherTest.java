package ai.cleveragents.events.bus.reactive.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import org.junit.Test;

public class StreamPublisherTest {

    private static List<DomainEvent> events(int n) {
        List<DomainEvent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(DomainEvent.builder(EventType.TOOL_INVOKED).detail("i", i).build());
        }
        return list;
    }

    @Test
    public void deliversEveryEventInOrderAndCompletesOnClose() throws Exception {
        StreamPublisher p = new StreamPublisher(16, OverflowPolicy.BLOCK);
        TestSubscriber s = new TestSubscriber(Long.MAX_VALUE);
        p.subscribe(s);
        s.awaitSubscribed();
        List<DomainEvent> sent = events(10_000);
        sent.forEach(p::offer);
        p.close();
        s.awaitTerminated();
        assertEquals(sent, s.received);
        assertTrue(s.completed);
        assertEquals(0, p.drops());
        await().atMost(10, TimeUnit.SECONDS).until(() -> p.subscribers() == 0);
    }

    @Test
    public void respectsDemand() throws Exception {
        StreamPublisher p = new StreamPublisher(100, OverflowPolicy.DROP_NEWEST);
        TestSubscriber s = new TestSubscriber(3);
        p.subscribe(s);
        s.awaitSubscribed();
        events(10).forEach(p::offer);
        await().atMost(10, TimeUnit.SECONDS).until(() -> s.received.size() == 3);
        s.subscription.request(2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> s.received.size() == 5);
        s.subscription.request(Long.MAX_VALUE);
        s.subscription.request(Long.MAX_VALUE);
        await().atMost(10, TimeUnit.SECONDS).until(() -> s.received.size() == 10);
    }

    @Test
    public void dropNewestCountsExactlyWhatDidNotFit() throws Exception {
        StreamPublisher p = new StreamPublisher(4, OverflowPolicy.DROP_NEWEST);
        TestSubscriber s = new TestSubscriber(0);
        p.subscribe(s);
        s.awaitSubscribed();
        List<DomainEvent> sent = events(10);
        sent.forEach(p::offer);
        assertEquals(6, p.drops());
        assertEquals(6L, (long) p.dropsPerSubscriber().values().iterator().next());
        s.subscription.request(100);
        await().atMost(10, TimeUnit.SECONDS).until(() -> s.received.size() == 4);
        assertEquals(sent.subList(0, 4), s.received);
    }

    @Test
    public void cancelPolicyCancelsTheSlowSubscriberWithAnError() throws Exception {
        StreamPublisher p = new StreamPublisher(2, OverflowPolicy.CANCEL);
        TestSubscriber slow = new TestSubscriber(0);
        p.subscribe(slow);
        slow.awaitSubscribed();
        events(3).forEach(p::offer);
        slow.awaitTerminated();
        assertTrue(slow.error.getMessage(), slow.error.getMessage().contains("overflow policy cancel"));
        assertEquals(1, p.drops());
        await().atMost(10, TimeUnit.SECONDS).until(() -> p.subscribers() == 0);
        assertEquals("drops of ended subscribers still count", 1, p.drops());
        events(5).forEach(p::offer);
        assertEquals(1, p.drops());
    }

    @Test
    public void blockPolicyMakesTheEmitterWaitAndLosesNothing() throws Exception {
        StreamPublisher p = new StreamPublisher(2, OverflowPolicy.BLOCK);
        TestSubscriber s = new TestSubscriber(0);
        p.subscribe(s);
        s.awaitSubscribed();
        List<DomainEvent> sent = events(5);
        AtomicBoolean done = new AtomicBoolean();
        Thread emitter = new Thread(() -> {
            sent.forEach(p::offer);
            done.set(true);
        });
        emitter.start();
        await().during(200, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS).until(() -> !done.get());
        s.subscription.request(5);
        await().atMost(10, TimeUnit.SECONDS).until(done::get);
        await().atMost(10, TimeUnit.SECONDS).until(() -> s.received.size() == 5);
        assertEquals(sent, s.received);
        assertEquals(0, p.drops());
    }

    @Test
    public void closingReleasesAnEmitterBlockedOnAFullBuffer() throws Exception {
        StreamPublisher p = new StreamPublisher(1, OverflowPolicy.BLOCK);
        TestSubscriber s = new TestSubscriber(0);
        p.subscribe(s);
        s.awaitSubscribed();
        Thread emitter = new Thread(() -> events(3).forEach(p::offer));
        emitter.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> emitter.getState() == Thread.State.TIMED_WAITING);
        p.close();
        emitter.join(10_000);
        assertTrue(!emitter.isAlive());
        assertTrue(p.drops() >= 1);
    }

    @Test
    public void aBadRequestIsAnError() throws Exception {
        StreamPublisher p = new StreamPublisher(4, OverflowPolicy.BLOCK);
        TestSubscriber s = new TestSubscriber(0);
        p.subscribe(s);
        s.awaitSubscribed();
        s.subscription.request(0);
        s.awaitTerminated();
        assertTrue(s.error instanceof IllegalArgumentException);
    }

    @Test
    public void cancelStopsDeliveryQuietly() throws Exception {
        StreamPublisher p = new StreamPublisher(4, OverflowPolicy.BLOCK);
        TestSubscriber s = new TestSubscriber(Long.MAX_VALUE);
        p.subscribe(s);
        s.awaitSubscribed();
        s.subscription.cancel();
        await().atMost(10, TimeUnit.SECONDS).until(() -> p.subscribers() == 0);
        assertTrue(!p.offer(DomainEvent.of(EventType.PLAN_CREATED)));
        assertNull(s.error);
    }

    @Test
    public void aThrowingSubscriberIsCancelled() throws Exception {
        StreamPublisher p = new StreamPublisher(4, OverflowPolicy.BLOCK);
        p.subscribe(new Flow.Subscriber<DomainEvent>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(DomainEvent item) {
                throw new IllegalStateException("subscriber bug");
            }

            @Override
            public void onError(Throwable t) {
                throw new IllegalStateException("and again");
            }

            @Override
            public void onComplete() {
                throw new IllegalStateException("unexpected");
            }
        });
        p.offer(DomainEvent.of(EventType.PLAN_CREATED));
        await().atMost(10, TimeUnit.SECONDS).until(() -> p.subscribers() == 0);
    }

    @Test
    public void subscribersArrivingAfterCloseCompleteAtOnce() throws Exception {
        StreamPublisher p = new StreamPublisher(4, OverflowPolicy.BLOCK);
        p.close();
        TestSubscriber s = new TestSubscriber(1);
        p.subscribe(s);
        s.awaitTerminated();
        assertTrue(s.completed);
    }

    @Test
    public void invalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new StreamPublisher(0, OverflowPolicy.BLOCK));
        assertThrows(NullPointerException.class, () -> new StreamPublisher(1, OverflowPolicy.BLOCK).subscribe(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OverflowPolicy.parse("stream.overflow", "fast"));
        assertEquals("stream.overflow must be one of block, drop_newest, cancel; got 'fast'", e.getMessage());
        assertEquals(OverflowPolicy.DROP_NEWEST, OverflowPolicy.parse("p", " Drop_Newest "));
        assertThrows(IllegalArgumentException.class, () -> OverflowPolicy.parse("p", null));
    }
}
