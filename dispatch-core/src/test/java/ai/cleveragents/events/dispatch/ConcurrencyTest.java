package ai.cleveragents.events.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;

import org.junit.Test;

/**
 * 4 threads emit while 4 threads subscribe and close, for a fixed time: no exception, exact counts for
 * a stable subscriber, every handler invocation accounted for in the metrics, per-thread order kept.
 */
public class ConcurrencyTest {

    private static final long RUN_MILLIS = Long.getLong("concurrency.millis", 5_000);

    @Test
    public void emitsRacingSubscribeAndCloseKeepExactCountsAndOrder() throws Exception {
        DispatchEngine engine = new DispatchEngine("race", (event, emitter) -> false);
        EventBus bus = engine.view(null);
        LongAdder stable = new LongAdder();
        LongAdder churned = new LongAdder();
        long[] lastSeqPerThread = new long[4];
        AtomicLong orderViolations = new AtomicLong();
        bus.subscribeAll(e -> {
            stable.increment();
            int thread = ((Number) e.details().get("t")).intValue();
            long seq = (Long) e.details().get("seq");
            synchronized (lastSeqPerThread) {
                if (seq <= lastSeqPerThread[thread] && seq != 0) {
                    orderViolations.incrementAndGet();
                }
                lastSeqPerThread[thread] = seq;
            }
        });
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        LongAdder emitted = new LongAdder();
        CountDownLatch done = new CountDownLatch(8);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(new Thread(() -> run(done, errors, () -> {
                long seq = 0;
                while (!stop.get()) {
                    bus.emit(DomainEvent.builder(EventType.values()[(int) (seq % 38)])
                            .eventId(DomainEvent.newUlid()).detail("t", id).detail("seq", ++seq).build());
                    emitted.increment();
                }
            })));
            threads.add(new Thread(() -> run(done, errors, () -> {
                while (!stop.get()) {
                    Subscription s = bus.subscribe(EventType.values()[id * 9], e -> churned.increment());
                    s.close();
                }
            })));
        }
        threads.forEach(Thread::start);
        assertTrue(!done.await(RUN_MILLIS, TimeUnit.MILLISECONDS));
        stop.set(true);
        assertTrue("threads finished", done.await(30, TimeUnit.SECONDS));
        assertTrue("errors: " + errors, errors.isEmpty());
        assertEquals(emitted.sum(), stable.sum());
        assertEquals(0, orderViolations.get());
        assertEquals(stable.sum() + churned.sum(), engine.metrics().deliveries());
        long emittedByType = engine.metrics().emitted().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(emitted.sum(), emittedByType);
        assertEquals(1, engine.metrics().subscriptions());
    }

    private static void run(CountDownLatch done, ConcurrentLinkedQueue<Throwable> errors, Runnable body) {
        try {
            body.run();
        } catch (Throwable t) {
            errors.add(t);
        } finally {
            done.countDown();
        }
    }
}
