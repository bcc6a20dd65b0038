package ai.cleveragents.events.bridge.kafka.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.SwapSafeEmitter;
import ai.cleveragents.events.dispatch.DispatchEngine;

/** Refusals by the local bus: for good (skipped, counted) or for now (retried, nothing twice). */
public class BatchEmitterTest {

    private final RecentIds cameIn = new RecentIds(100);
    private final RecentIds known = new RecentIds(100);
    private final BridgeCounters counters = new BridgeCounters();
    private final List<DomainEvent> emitted = new CopyOnWriteArrayList<>();
    private final AtomicReference<EventBus> bus = new AtomicReference<>();
    private final BatchEmitter emitter = new BatchEmitter(new SwapSafeEmitter(bus::get), cameIn, known, counters);

    private static DomainEvent event(String plan) {
        return DomainEvent.builder(EventType.PLAN_CREATED).planId(plan).build();
    }

    private void refusing(String plan, EventRejectedException.Reason reason) {
        bus.set(new DispatchEngine("test", (e, emitterName) -> {
            if (plan.equals(e.planId())) {
                throw new EventRejectedException(reason, "refused", null);
            }
            emitted.add(e);
            return false;
        }).view(null));
    }

    @Test
    public void anEventRefusedForGoodIsSkippedAndTheRestArrive() {
        refusing("huge", EventRejectedException.Reason.TOO_LARGE);
        List<DomainEvent> batch = List.of(event("a"), event("huge"), event("b"));
        assertTrue(emitter.emit(batch).complete());
        assertEquals(List.of(batch.get(0), batch.get(2)), emitted);
        assertEquals(1, counters.snapshot().get("in.rejected.bus_refused").longValue());
        assertEquals(2, counters.snapshot().get("in.emitted").longValue());
        assertTrue(known.contains(batch.get(1).eventId()));
    }

    @Test
    public void aJournalFailureLeavesTheRestForARetryAndRemembersWhatGotIn() {
        refusing("disk-full", EventRejectedException.Reason.JOURNAL_FAILURE);
        List<DomainEvent> batch = List.of(event("a"), event("disk-full"), event("b"));
        BatchEmitter.Result r = emitter.emit(batch);
        assertFalse(r.complete());
        assertTrue(r.error(), r.error().contains("journal"));
        assertTrue(known.contains(batch.get(0).eventId()));
        assertFalse(known.contains(batch.get(1).eventId()));
        assertTrue("marked before the emit, so it never goes back out", cameIn.contains(batch.get(2).eventId()));
    }

    @Test
    public void withoutABusNothingIsRemembered() {
        DomainEvent e = event("a");
        BatchEmitter.Result r = emitter.emit(List.of(e));
        assertFalse(r.complete());
        assertTrue(r.error(), r.error().startsWith("no event bus bound"));
        assertFalse(known.contains(e.eventId()));
        assertTrue(emitter.emit(List.of()).complete());
    }
}
