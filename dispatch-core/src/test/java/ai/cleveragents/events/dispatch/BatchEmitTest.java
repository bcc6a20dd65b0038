package ai.cleveragents.events.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBatchException;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;

/** {@link EventBus#emitAll} through the engine: one stage call per batch, list order, cascades, failures. */
public class BatchEmitTest {

    /** What the stage saw, in order: the journal's order. */
    private final List<DomainEvent> journal = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = new ArrayList<>();
    /** Index at which the stage refuses, or -1. */
    private int refuseAt = -1;
    private final DispatchEngine engine = new DispatchEngine("test", new EmitStage() {
        @Override
        public boolean beforeDispatch(DomainEvent event, String emitter) {
            journal.add(event);
            return false;
        }

        @Override
        public Staged beforeDispatchAll(List<DomainEvent> events, String emitter) {
            batchSizes.add(events.size());
            int accepted = refuseAt < 0 ? events.size() : refuseAt;
            journal.addAll(events.subList(0, accepted));
            return new Staged(accepted, new boolean[events.size()], refuseAt < 0 ? null
                    : new EventRejectedException(EventRejectedException.Reason.JOURNAL_FAILURE, "disk full", null));
        }
    });
    private final EventBus bus = engine.view(null);

    private static List<DomainEvent> events(EventType type, int count) {
        return IntStream.range(0, count).mapToObj(n -> DomainEvent.builder(type).detail("n", n).build())
                .collect(Collectors.toList());
    }

    @Test
    public void aBatchIsStagedOnceAndDeliveredInListOrder() {
        List<DomainEvent> got = new ArrayList<>();
        bus.subscribeAll(got::add);
        List<DomainEvent> batch = events(EventType.TOOL_INVOKED, 5);
        bus.emitAll(batch);
        assertEquals(List.of(5), batchSizes);
        assertEquals(batch, got);
        assertEquals(Long.valueOf(5), bus.metrics().emitted().get(EventType.TOOL_INVOKED));
        bus.emitAll(List.of());
        assertEquals("an empty batch reaches no stage", List.of(5), batchSizes);
    }

    @Test
    public void eventsHandlersEmitDuringABatchComeAfterTheWholeBatchAsInTheJournal() {
        List<DomainEvent> first = new ArrayList<>();
        List<DomainEvent> last = new ArrayList<>();
        bus.subscribeAll(first::add);
        bus.subscribe(EventType.PLAN_CREATED, e -> bus.emitAll(events(EventType.PLAN_STARTED, 2)));
        bus.subscribeAll(last::add);
        bus.emitAll(events(EventType.PLAN_CREATED, 2));
        assertEquals(List.of(EventType.PLAN_CREATED, EventType.PLAN_CREATED, EventType.PLAN_STARTED,
                EventType.PLAN_STARTED, EventType.PLAN_STARTED, EventType.PLAN_STARTED),
                journal.stream().map(DomainEvent::eventType).toList());
        assertEquals(journal, first);
        assertEquals(journal, last);
    }

    @Test
    public void aRefusedEventLeavesThePrefixDeliveredAndNamesHowMany() {
        List<DomainEvent> got = new ArrayList<>();
        bus.subscribeAll(got::add);
        List<DomainEvent> batch = events(EventType.TOOL_INVOKED, 5);
        refuseAt = 3;
        EventBatchException e = assertThrows(EventBatchException.class, () -> bus.emitAll(batch));
        assertEquals(3, e.accepted());
        assertEquals(5, e.size());
        assertSame(EventRejectedException.Reason.JOURNAL_FAILURE, e.reason());
        assertEquals("batch of 5 event(s): 3 emitted, the rest refused: disk full", e.getMessage());
        assertEquals(batch.subList(0, 3), got);
    }

    @Test
    public void aBatchTooLargeForTheCascadeIsRefusedWhole() {
        List<EventBatchException> refused = new ArrayList<>();
        bus.subscribe(EventType.PLAN_CREATED, e -> {
            try {
                bus.emitAll(events(EventType.PLAN_STARTED, Cascade.MAX_NESTED + 1));
            } catch (EventBatchException r) {
                refused.add(r);
            }
        });
        bus.emit(DomainEvent.of(EventType.PLAN_CREATED));
        assertEquals(1, refused.size());
        assertEquals(0, refused.get(0).accepted());
        assertSame(EventRejectedException.Reason.CASCADE_LIMIT, refused.get(0).reason());
        assertEquals(1, journal.size());
    }

    @Test
    public void aClosedEngineRefusesTheWholeBatchAndANullEventFailsBeforeAnything() {
        List<DomainEvent> withNull = Arrays.asList(DomainEvent.of(EventType.PLAN_CREATED), null);
        assertThrows(NullPointerException.class, () -> bus.emitAll(withNull));
        assertTrue(batchSizes.isEmpty());
        engine.close(() -> { }, 1000);
        EventBatchException e = assertThrows(EventBatchException.class,
                () -> bus.emitAll(events(EventType.PLAN_CREATED, 2)));
        assertEquals(0, e.accepted());
        assertSame(EventRejectedException.Reason.CLOSED, e.reason());
    }

    @Test
    public void theDefaultStageEmitsOneByOneAndStopsAtTheFirstRefused() {
        List<DomainEvent> staged = new ArrayList<>();
        EmitStage oneByOne = (event, emitter) -> {
            if (staged.size() == 2) {
                throw new EventRejectedException(EventRejectedException.Reason.TOO_LARGE, "too large", null);
            }
            staged.add(event);
            return true;
        };
        List<DomainEvent> batch = events(EventType.TOOL_INVOKED, 4);
        EmitStage.Staged result = oneByOne.beforeDispatchAll(batch, Emitters.UNKNOWN);
        assertEquals(2, result.accepted());
        assertTrue(result.elsewhere()[0] && result.elsewhere()[1]);
        assertSame(EventRejectedException.Reason.TOO_LARGE, result.failure().reason());
        assertEquals(batch.subList(0, 2), staged);
        assertEquals(4, ((EmitStage) (event, emitter) -> false).beforeDispatchAll(batch, Emitters.UNKNOWN).accepted());
    }
}
