package ai.cleveragents.events.bridge.eventadmin.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;
import org.osgi.service.event.Event;

/** The bounded inbound queue: overflow is counted, never blocks; shutdown drains or counts. */
public class InboundPumpTest {

    private final BridgeMetrics metrics = new BridgeMetrics(new DropLog(TimeUnit.SECONDS.toNanos(10), System::nanoTime));
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch processing = new CountDownLatch(1);
    private final List<Event> processed = new CopyOnWriteArrayList<>();

    @After
    public void releaseProcessor() {
        release.countDown();
    }

    private static Event event(int i) {
        return new Event("cleveragents/plan/created", Map.of("n", i));
    }

    private void blockingProcess(List<Event> batch) {
        processing.countDown();
        try {
            release.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        processed.addAll(batch);
    }

    @Test
    public void overflowIsCountedAndTheSenderNeverWaits() throws InterruptedException {
        InboundPump pump = new InboundPump(10, this::blockingProcess, metrics, "test-pump");
        pump.start();
        assertTrue(pump.offer(event(0)));
        assertTrue(processing.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 10; i++) {
            assertTrue(pump.offer(event(i)));
        }
        assertEquals(10, pump.depth());
        for (int i = 11; i <= 15; i++) {
            assertFalse(pump.offer(event(i)));
        }
        assertEquals(5, metrics.dropped(DropReason.QUEUE_FULL));
        assertEquals(10L, (long) metrics.snapshot(pump.depth(), pump.capacity()).get("queue.depth"));
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() == 11);
        for (int i = 0; i <= 10; i++) {
            assertEquals(i, processed.get(i).getProperty("n"));
        }
        pump.close(1_000);
        assertEquals(0, metrics.dropped(DropReason.SHUTDOWN));
    }

    @Test
    public void closeCountsWhatAStuckProcessorLeftQueued() throws InterruptedException {
        InboundPump pump = new InboundPump(5, this::blockingProcess, metrics, "test-pump");
        pump.start();
        pump.offer(event(0));
        assertTrue(processing.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 3; i++) {
            pump.offer(event(i));
        }
        pump.close(100);
        assertEquals(3, metrics.dropped(DropReason.SHUTDOWN));
        assertEquals(0, pump.depth());
    }

    @Test
    public void aFailingProcessorIsCountedAndThePumpGoesOn() {
        InboundPump pump = new InboundPump(5, batch -> {
            if (batch.get(0).getProperty("n").equals(1)) {
                throw new IllegalStateException("boom");
            }
            processed.addAll(batch);
        }, metrics, "test-pump");
        pump.start();
        pump.offer(event(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.dropped(DropReason.REJECTED) == 1);
        pump.offer(event(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() == 1);
        pump.close(1_000);
    }

    @Test
    public void whatQueuedUpMeanwhileIsProcessedAsOneBatchInArrivalOrder() throws InterruptedException {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        InboundPump pump = new InboundPump(1000, batch -> {
            sizes.add(batch.size());
            blockingProcess(batch);
        }, metrics, "test-pump");
        pump.start();
        pump.offer(event(0));
        assertTrue(processing.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 600; i++) {
            assertTrue(pump.offer(event(i)));
        }
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() == 601);
        assertEquals(List.of(1, InboundPump.MAX_BATCH, 600 - InboundPump.MAX_BATCH), sizes);
        for (int i = 0; i <= 600; i++) {
            assertEquals(i, processed.get(i).getProperty("n"));
        }
        pump.close(1_000);
    }

    @Test
    public void anEventEqualToTheStopMarkerIsJustAnEvent() {
        InboundPump pump = new InboundPump(10, processed::addAll, metrics, "test-pump");
        pump.start();
        Event lookalike = new Event("ai/cleveragents/bridge/STOP", Map.of());
        assertTrue(pump.offer(lookalike));
        assertTrue(pump.offer(event(1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() == 2);
        pump.close(1_000);
        assertEquals(0, metrics.dropped(DropReason.SHUTDOWN));
    }
}
