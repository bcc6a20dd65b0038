package ai.cleveragents.events.services.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;

import org.awaitility.Awaitility;
import org.junit.Test;

public class BusEmitterTest {

    private final AtomicReference<EventBus> reference = new AtomicReference<>();
    private final BusEmitter emitter = new BusEmitter(reference::get);

    private static DomainEvent event() {
        return DomainEvent.of(EventType.PLAN_CREATED);
    }

    @Test
    public void withNoBusTheEventIsSkippedAndCounted() {
        emitter.emit(event());
        emitter.emit(event());
        assertEquals(Map.of("emits.skipped", 2L, "emits.redirected", 0L, "emits.lost", 0L), emitter.counters());
    }

    @Test
    public void theEventGoesToTheBoundBus() {
        RecordingBus bus = new RecordingBus("one");
        reference.set(bus.bus);
        DomainEvent e = event();
        emitter.emit(e);
        assertEquals(List.of(e), bus.events);
        assertEquals(0L, (long) emitter.counters().get("emits.skipped"));
    }

    /** The reference is read just before the old bus closes; DS has moved it on by the time the emit lands. */
    @Test
    public void anEventRejectedByAClosedBusGoesToTheBusBoundSince() {
        RecordingBus old = new RecordingBus("old");
        RecordingBus current = new RecordingBus("new");
        old.close();
        AtomicInteger reads = new AtomicInteger();
        BusEmitter swapping = new BusEmitter(() -> reads.getAndIncrement() == 0 ? old.bus : current.bus);
        DomainEvent e = event();

        swapping.emit(e);

        assertTrue(old.events.isEmpty());
        assertEquals(List.of(e), current.events);
        assertEquals(Map.of("emits.skipped", 0L, "emits.redirected", 1L, "emits.lost", 0L), swapping.counters());
    }

    @Test
    public void anEventRejectedByAClosedBusIsSkippedWhenNoBusIsBoundSince() {
        RecordingBus old = new RecordingBus("old");
        old.close();
        AtomicBoolean first = new AtomicBoolean(true);
        BusEmitter swapping = new BusEmitter(() -> first.getAndSet(false) ? old.bus : null);

        swapping.emit(event());

        assertEquals(Map.of("emits.skipped", 1L, "emits.redirected", 0L, "emits.lost", 0L), swapping.counters());
    }

    @Test
    public void aBusThatStaysClosedWhileBoundLosesTheEventWithoutThrowing() {
        RecordingBus closed = new RecordingBus("closed");
        closed.close();
        reference.set(closed.bus);

        emitter.emit(event());

        assertEquals(Map.of("emits.skipped", 0L, "emits.redirected", 0L, "emits.lost", 1L), emitter.counters());
        assertEquals("nothing got past the closed bus's gate", 0L,
                closed.bus.metrics().emitted().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    public void aJournalRefusalReachesTheCaller() {
        JournalStage journal = new JournalStage();
        journal.refuse(EventType.PLAN_CREATED);
        RecordingBus refusing = new RecordingBus("refusing", journal);
        reference.set(refusing.bus);

        EventRejectedException e = assertThrows(EventRejectedException.class, () -> emitter.emit(event()));

        assertSame(EventRejectedException.Reason.JOURNAL_FAILURE, e.reason());
        assertEquals(Map.of("emits.skipped", 0L, "emits.redirected", 0L, "emits.lost", 0L), emitter.counters());
    }

    /**
     * Three threads emit while the bound bus is replaced again and again, each old bus being closed right
     * after the swap as {@code BusService.stop} does (unregister, so DS rebinds, then close). The reference
     * read yields, widening the window in which an emitter holds a bus that is closed before it emits, so
     * that the redirect path is taken (the test swaps until it was, 20 to 200 times). Every event reaches
     * exactly one bus, no emit throws, none is lost or skipped.
     */
    @Test
    public void eventsEmittedDuringSwapsReachExactlyOneBus() throws Exception {
        BusEmitter racing = new BusEmitter(() -> {
            EventBus read = reference.get();
            Thread.yield();
            return read;
        });
        List<RecordingBus> buses = new ArrayList<>();
        buses.add(new RecordingBus("bus-0"));
        reference.set(buses.get(0).bus);
        AtomicBoolean stop = new AtomicBoolean();
        Queue<String> emitted = new ConcurrentLinkedQueue<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> emitters = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        DomainEvent e = event();
                        racing.emit(e);
                        emitted.add(e.eventId());
                    }
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                }
            }, "emitter-" + t);
            emitters.add(thread);
            thread.start();
        }
        for (int swap = 1; swap <= 20 || swap <= 200 && racing.counters().get("emits.redirected") == 0; swap++) {
            RecordingBus previous = buses.get(swap - 1);
            Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(10, TimeUnit.SECONDS)
                    .until(() -> previous.events.size() >= 20);
            RecordingBus next = new RecordingBus("bus-" + swap);
            buses.add(next);
            reference.set(next.bus);
            previous.close();
        }
        stop.set(true);
        for (Thread thread : emitters) {
            thread.join(10_000);
        }

        assertTrue(failures.toString(), failures.isEmpty());
        Map<String, Integer> received = new HashMap<>();
        for (RecordingBus bus : buses) {
            bus.events.forEach(e -> received.merge(e.eventId(), 1, Integer::sum));
        }
        assertEquals(emitted.size(), received.size());
        for (String id : emitted) {
            assertEquals(id, Integer.valueOf(1), received.get(id));
        }
        assertTrue("the race was exercised: " + racing.counters(), racing.counters().get("emits.redirected") > 0);
        assertEquals(0L, (long) racing.counters().get("emits.lost"));
        assertEquals(0L, (long) racing.counters().get("emits.skipped"));
    }
}
