package ai.cleveragents.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

/** The swap rule, once: CLOSED moves to the bus bound now; other refusals reach the caller. */
public class SwapSafeEmitterTest {

    /** A bus that records what it accepts, or rejects everything once closed or refusing. */
    private static final class Bus implements EventBus {
        final List<DomainEvent> accepted = new ArrayList<>();
        volatile EventRejectedException.Reason rejecting;
        /** With {@link #rejecting} set, rejects once it has accepted this many events. */
        volatile int rejectingAfter;

        @Override
        public void emit(DomainEvent event) {
            if (rejecting != null && accepted.size() >= rejectingAfter) {
                throw new EventRejectedException(rejecting, "rejected: " + rejecting, null);
            }
            accepted.add(event);
        }

        @Override
        public Subscription subscribe(EventType type, EventHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Subscription subscribe(Set<EventType> types, EventHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Subscription subscribe(Set<EventType> types, String filter, EventHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Subscription observe(Set<EventType> types, EventHandler observer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Subscription subscribeAll(EventHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EventBusMetrics metrics() {
            throw new UnsupportedOperationException();
        }
    }

    private static Bus closed() {
        Bus b = new Bus();
        b.rejecting = EventRejectedException.Reason.CLOSED;
        return b;
    }

    private final DomainEvent event = DomainEvent.of(EventType.PLAN_CREATED);

    @Test
    public void theEventGoesToTheBoundBusOrNowhere() {
        AtomicReference<Bus> bound = new AtomicReference<>();
        SwapSafeEmitter emitter = new SwapSafeEmitter(bound::get);
        assertEquals(SwapSafeEmitter.Outcome.NO_BUS, emitter.emit(event));
        Bus bus = new Bus();
        bound.set(bus);
        assertEquals(SwapSafeEmitter.Outcome.EMITTED, emitter.emit(event));
        assertEquals(List.of(event), bus.accepted);
        assertEquals(Map.of("emits.skipped", 1L, "emits.redirected", 0L, "emits.lost", 0L), emitter.counters());
    }

    @Test
    public void aClosedBusHandsTheEventToTheBusBoundSinceOrToNone() {
        Bus old = closed();
        Bus next = new Bus();
        AtomicInteger reads = new AtomicInteger();
        SwapSafeEmitter swapping = new SwapSafeEmitter(() -> reads.getAndIncrement() == 0 ? old : next);
        assertEquals(SwapSafeEmitter.Outcome.EMITTED, swapping.emit(event));
        assertEquals(List.of(event), next.accepted);
        assertEquals(1L, (long) swapping.counters().get("emits.redirected"));
        AtomicInteger reads2 = new AtomicInteger();
        SwapSafeEmitter vanishing = new SwapSafeEmitter(() -> reads2.getAndIncrement() == 0 ? old : null);
        assertEquals(SwapSafeEmitter.Outcome.NO_BUS, vanishing.emit(event));
    }

    @Test
    public void aBusThatStaysClosedLosesTheEventAfterTheLastAttempt() {
        Bus stuck = closed();
        AtomicInteger reads = new AtomicInteger();
        SwapSafeEmitter emitter = new SwapSafeEmitter(() -> {
            reads.incrementAndGet();
            return stuck;
        });
        assertEquals(SwapSafeEmitter.Outcome.LOST, emitter.emit(event));
        assertEquals(SwapSafeEmitter.MAX_ATTEMPTS, reads.get());
        assertEquals(1L, (long) emitter.counters().get("emits.lost"));
    }

    @Test
    public void everyOtherRefusalReachesTheCaller() {
        for (EventRejectedException.Reason reason : EventRejectedException.Reason.values()) {
            if (reason == EventRejectedException.Reason.CLOSED) {
                continue;
            }
            Bus refusing = new Bus();
            refusing.rejecting = reason;
            EventRejectedException e = assertThrows(EventRejectedException.class,
                    () -> new SwapSafeEmitter(() -> refusing).emit(event));
            assertSame(reason, e.reason());
        }
        assertThrows(NullPointerException.class, () -> new SwapSafeEmitter(null));
        assertThrows(NullPointerException.class, () -> new SwapSafeEmitter(Bus::new).emit(null));
        assertTrue(new SwapSafeEmitter(Bus::new).counters().values().stream().allMatch(v -> v == 0));
    }

    private static List<DomainEvent> batch(int n) {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(DomainEvent.builder(EventType.TOOL_INVOKED).detail("n", i).build());
        }
        return events;
    }

    @Test
    public void theDefaultEmitAllEmitsOneByOneAndSaysHowManyWereEmitted() {
        Bus bus = new Bus();
        List<DomainEvent> events = batch(5);
        bus.emitAll(events);
        assertEquals(events, bus.accepted);
        Bus failing = new Bus();
        failing.rejecting = EventRejectedException.Reason.JOURNAL_FAILURE;
        failing.rejectingAfter = 2;
        EventBatchException e = assertThrows(EventBatchException.class, () -> failing.emitAll(events));
        assertEquals(2, e.accepted());
        assertEquals(5, e.size());
        assertSame(EventRejectedException.Reason.JOURNAL_FAILURE, e.reason());
        assertEquals("batch of 5 event(s): 2 emitted, the rest refused: rejected: JOURNAL_FAILURE", e.getMessage());
        assertEquals(events.subList(0, 2), failing.accepted);
        assertThrows(IllegalArgumentException.class, () -> new EventBatchException(5, 5, e));
        assertThrows(IllegalArgumentException.class, () -> new EventBatchException(-1, 5, e));
    }

    @Test
    public void aBatchFollowsASwapWithTheEventsTheClosedBusDidNotTake() {
        Bus old = new Bus();
        old.rejecting = EventRejectedException.Reason.CLOSED;
        old.rejectingAfter = 2;
        Bus next = new Bus();
        AtomicInteger reads = new AtomicInteger();
        SwapSafeEmitter emitter = new SwapSafeEmitter(() -> reads.getAndIncrement() == 0 ? old : next);
        List<DomainEvent> events = batch(5);
        assertEquals(SwapSafeEmitter.Outcome.EMITTED, emitter.emitAll(events));
        assertEquals(events.subList(0, 2), old.accepted);
        assertEquals(events.subList(2, 5), next.accepted);
        assertEquals(SwapSafeEmitter.Outcome.EMITTED, emitter.emitAll(List.of()));
        assertEquals(SwapSafeEmitter.Outcome.NO_BUS, new SwapSafeEmitter(() -> null).emitAll(events));
        Bus stuck = closed();
        assertEquals(SwapSafeEmitter.Outcome.LOST, new SwapSafeEmitter(() -> stuck).emitAll(events));
    }

    @Test
    public void aBatchRefusalAfterASwapCountsFromTheFirstEvent() {
        Bus old = new Bus();
        old.rejecting = EventRejectedException.Reason.CLOSED;
        old.rejectingAfter = 2;
        Bus full = new Bus();
        full.rejecting = EventRejectedException.Reason.JOURNAL_FAILURE;
        full.rejectingAfter = 1;
        AtomicInteger reads = new AtomicInteger();
        SwapSafeEmitter emitter = new SwapSafeEmitter(() -> reads.getAndIncrement() == 0 ? old : full);
        EventBatchException e = assertThrows(EventBatchException.class, () -> emitter.emitAll(batch(5)));
        assertEquals(3, e.accepted());
        assertEquals(5, e.size());
        assertSame(EventRejectedException.Reason.JOURNAL_FAILURE, e.reason());
        Bus refusing = new Bus();
        refusing.rejecting = EventRejectedException.Reason.TOO_LARGE;
        EventBatchException first = assertThrows(EventBatchException.class,
                () -> new SwapSafeEmitter(() -> refusing).emitAll(batch(2)));
        assertEquals(0, first.accepted());
    }
}
