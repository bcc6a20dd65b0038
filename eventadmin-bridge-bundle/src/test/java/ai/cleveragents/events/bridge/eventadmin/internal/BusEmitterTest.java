package ai.cleveragents.events.bridge.eventadmin.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.DispatchEngine;

import org.junit.Test;

/** Emission follows bus swaps: a CLOSED rejection is retried on the bus bound since. */
public class BusEmitterTest {

    private final DomainEvent event = DomainEvent.of(EventType.PLAN_STARTED);

    private static DispatchEngine closedEngine() {
        DispatchEngine engine = new DispatchEngine("old", (e, emitter) -> false);
        engine.close(() -> { }, 1_000);
        return engine;
    }

    @Test
    public void aClosedBusIsReplacedByTheOneBoundNow() {
        DispatchEngine next = new DispatchEngine("next", (e, emitter) -> false);
        List<DomainEvent> got = new ArrayList<>();
        next.subscribeAll(got::add, null);
        AtomicReference<EventBus> bound = new AtomicReference<>(closedEngine().view(null));
        BusEmitter emitter = new BusEmitter(() -> {
            EventBus b = bound.get();
            bound.set(next.view(null));
            return b;
        });
        assertEquals(BusEmitter.Outcome.EMITTED, emitter.emit(event));
        assertEquals(List.of(event), got);
    }

    @Test
    public void noBoundBusMeansNoEmission() {
        assertEquals(BusEmitter.Outcome.NO_BUS, new BusEmitter(() -> null).emit(event));
        EventBus closed = closedEngine().view(null);
        AtomicReference<EventBus> bound = new AtomicReference<>(closed);
        BusEmitter emitter = new BusEmitter(() -> bound.getAndSet(null));
        assertEquals(BusEmitter.Outcome.NO_BUS, emitter.emit(event));
    }

    @Test
    public void aBusThatStaysClosedIsGivenUpOn() {
        EventBus closed = closedEngine().view(null);
        assertEquals(BusEmitter.Outcome.REJECTED, new BusEmitter(() -> closed).emit(event));
    }

    @Test
    public void aJournalFailureIsNotRetried() {
        int[] attempts = {0};
        DispatchEngine failing = new DispatchEngine("failing", (e, emitter) -> {
            attempts[0]++;
            throw new EventRejectedException(EventRejectedException.Reason.JOURNAL_FAILURE, "disk full", null);
        });
        assertEquals(BusEmitter.Outcome.REJECTED, new BusEmitter(() -> failing.view(null)).emit(event));
        assertEquals(1, attempts[0]);
    }
}
