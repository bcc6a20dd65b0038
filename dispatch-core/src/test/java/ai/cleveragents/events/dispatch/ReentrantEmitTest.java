package ai.cleveragents.events.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;

/**
 * Emits from inside handlers: accepted (staged) at once, delivered after the current event, so every
 * handler sees the journal's order; runaway cascades are stopped without touching the original emitter.
 */
public class ReentrantEmitTest {

    /** What the stage saw, in order: the journal's order. */
    private final List<DomainEvent> journal = Collections.synchronizedList(new ArrayList<>());
    private final DispatchEngine engine = new DispatchEngine("test", (e, emitter) -> journal.add(e));
    private final EventBus bus = engine.view(null);

    private static DomainEvent event(EventType type, int n) {
        return DomainEvent.builder(type).detail("n", n).build();
    }

    @Test
    public void everyHandlerSeesNestedEventsInJournalOrder() {
        List<DomainEvent> first = new ArrayList<>();
        List<DomainEvent> second = new ArrayList<>();
        List<DomainEvent> third = new ArrayList<>();
        bus.subscribeAll(first::add);
        bus.subscribe(EventType.PLAN_CREATED, e -> {
            bus.emit(event(EventType.PLAN_STARTED, 1));
            bus.emit(event(EventType.PLAN_COMPLETED, 2));
        });
        bus.subscribeAll(second::add);
        bus.subscribe(EventType.PLAN_STARTED, e -> bus.emit(event(EventType.TOOL_INVOKED, 3)));
        bus.subscribeAll(third::add);
        bus.emit(event(EventType.PLAN_CREATED, 0));
        assertEquals(4, journal.size());
        assertEquals(List.of(EventType.PLAN_CREATED, EventType.PLAN_STARTED, EventType.PLAN_COMPLETED,
                EventType.TOOL_INVOKED), journal.stream().map(DomainEvent::eventType).toList());
        assertEquals(journal, first);
        assertEquals("a handler subscribed after the re-emitting one still sees the outer event first", journal, second);
        assertEquals(journal, third);
    }

    @Test
    public void aHandlersEmitReturnsBeforeTheNewEventIsDeliveredAndTheOutermostAfterTheWholeCascade() {
        List<String> trace = new ArrayList<>();
        bus.subscribe(EventType.PLAN_CREATED, e -> {
            bus.emit(event(EventType.PLAN_STARTED, 1));
            trace.add("nested emit returned");
        });
        bus.subscribe(EventType.PLAN_STARTED, e -> trace.add("nested event delivered"));
        bus.emit(event(EventType.PLAN_CREATED, 0));
        trace.add("outermost emit returned");
        assertEquals(List.of("nested emit returned", "nested event delivered", "outermost emit returned"), trace);
    }

    @Test
    public void aHandlerReEmittingItsOwnTypeWithoutEndIsStoppedAndTheEmitterNeverNotices() {
        AtomicInteger delivered = new AtomicInteger();
        List<EventRejectedException> refused = new CopyOnWriteArrayList<>();
        bus.subscribe(EventType.TOOL_INVOKED, e -> {
            delivered.incrementAndGet();
            try {
                bus.emit(event(EventType.TOOL_INVOKED, delivered.get()));
            } catch (EventRejectedException r) {
                refused.add(r);
                throw r;
            }
        });
        bus.emit(event(EventType.TOOL_INVOKED, 0));
        assertEquals(1 + Cascade.MAX_NESTED, delivered.get());
        assertEquals(1 + Cascade.MAX_NESTED, journal.size());
        assertEquals(1, refused.size());
        assertEquals(EventRejectedException.Reason.CASCADE_LIMIT, refused.get(0).reason());
        assertTrue(refused.get(0).getMessage(), refused.get(0).getMessage().contains("handlers already emitted 1000 events"));
        assertEquals(Long.valueOf(1), engine.metrics().extra().get(DispatchEngine.CASCADE_REFUSED));
        assertEquals("the refusal reached the handler, which threw it: one handler failure", 1,
                engine.metrics().handlerFailures());
    }

    @Test
    public void aTenThousandDeepCascadeIsStoppedCleanlyAndTheNextEmitStartsAfresh() {
        AtomicInteger depth = new AtomicInteger();
        bus.subscribe(EventType.VALIDATION_STARTED, e -> {
            if (depth.incrementAndGet() < 10_000) {
                bus.emit(event(EventType.VALIDATION_STARTED, depth.get()));
            }
        });
        bus.emit(event(EventType.VALIDATION_STARTED, 0));
        assertEquals(1 + Cascade.MAX_NESTED, depth.get());
        depth.set(9_998);
        bus.emit(event(EventType.VALIDATION_STARTED, 0));
        assertEquals("a fresh cascade: the limit is per outermost emit", 10_000, depth.get());
        assertEquals(1 + Cascade.MAX_NESTED + 2, journal.size());
    }

    @Test
    public void cascadesOnTwoThreadsAreIndependent() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(EventType.PLAN_CREATED, e -> bus.emit(DomainEvent.builder(EventType.PLAN_STARTED)
                .planId(e.planId()).build()));
        bus.subscribe(EventType.PLAN_STARTED, e -> seen.add(e.planId()));
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            String plan = "p-" + t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    bus.emit(DomainEvent.builder(EventType.PLAN_CREATED).planId(plan).build());
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(4_000, seen.size());
        assertEquals(2_000, seen.stream().filter("p-0"::equals).count());
        assertEquals(Long.valueOf(0), engine.metrics().extra().get(DispatchEngine.CASCADE_REFUSED));
    }
}
