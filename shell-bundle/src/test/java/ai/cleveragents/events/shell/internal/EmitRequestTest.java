package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.SwapSafeEmitter;

public class EmitRequestTest {

    private static String error(String... args) {
        return assertThrows(CommandException.class, () -> EmitRequest.parse(args)).getMessage();
    }

    @Test
    public void buildsTheEventWithDetailsAndContext() {
        DomainEvent event = EmitRequest.parse("plan.created", "name=demo", "count=3", "tags=[\"a\"]", "ok=true",
                "--plan", "p-1", "--root-plan", "r-1", "--session", "s-1", "--actor", "bot", "--project", "x",
                "--correlation", "c-1", "eq=a=b");
        assertEquals(EventType.PLAN_CREATED, event.eventType());
        assertEquals(Map.of("name", "demo", "count", 3L, "tags", List.of("a"), "ok", true, "eq", "a=b"), event.details());
        assertEquals("p-1", event.planId());
        assertEquals("r-1", event.rootPlanId());
        assertEquals("s-1", event.sessionId());
        assertEquals("bot", event.actorName());
        assertEquals("x", event.projectName());
        assertEquals("c-1", event.correlationId());
    }

    @Test
    public void typeIsRequiredAndUnknownTypesListTheValidIds() {
        assertEquals("missing event type\nusage: " + EmitRequest.USAGE, error());
        String message = error("plan.nope");
        assertTrue(message, message.startsWith("unknown event type 'plan.nope'; valid ids: plan.created, "));
        assertTrue(message, message.contains("context.compacted\nusage: events:emit <type>"));
        assertEquals(2, message.split("\n").length);
    }

    @Test
    public void badPairsAreNamed() {
        assertEquals("bad detail 'oops': expected key=value\nusage: " + EmitRequest.USAGE, error("plan.created", "oops"));
        assertEquals("bad detail '=v': expected key=value\nusage: " + EmitRequest.USAGE, error("plan.created", "=v"));
        assertEquals("bad detail 'a=2': key 'a' given twice\nusage: " + EmitRequest.USAGE,
                error("plan.created", "a=1", "a=2"));
    }

    @Test
    public void invalidContextIsReported() {
        assertEquals("planId must not be blank\nusage: " + EmitRequest.USAGE, error("plan.created", "--plan", " "));
        assertEquals("unknown option '--plans'\nusage: " + EmitRequest.USAGE, error("plan.created", "--plans", "p"));
    }

    @Test
    public void emitsOnTheBusOrExplainsWhyNot() {
        DomainEvent event = DomainEvent.of(EventType.SESSION_STARTED);
        List<DomainEvent> emitted = new ArrayList<>();
        RecordingBus bus = new RecordingBus(emitted::add);
        assertEquals("emitted session.started " + event.eventId() + " on test",
                EmitRequest.emit(new SwapSafeEmitter(() -> bus), () -> "test", event));
        assertEquals(List.of(event), emitted);
        assertEquals(BusReports.NO_BUS, assertThrows(CommandException.class,
                () -> EmitRequest.emit(new SwapSafeEmitter(() -> null), () -> "-", event)).getMessage());
        RecordingBus closed = new RecordingBus(e -> {
            throw new EventRejectedException(EventRejectedException.Reason.CLOSED, "closed", null);
        });
        assertEquals("event rejected: the bound bus stayed closed for 16 attempts; not emitted",
                assertThrows(CommandException.class,
                        () -> EmitRequest.emit(new SwapSafeEmitter(() -> closed), () -> "test", event)).getMessage());
        RecordingBus tooLarge = new RecordingBus(e -> {
            throw new EventRejectedException(EventRejectedException.Reason.TOO_LARGE, "too large", null);
        });
        assertEquals("event rejected: too large", assertThrows(CommandException.class,
                () -> EmitRequest.emit(new SwapSafeEmitter(() -> tooLarge), () -> "test", event)).getMessage());
    }

    @Test
    public void countEmitsThatManyEventsInBatchesWithOneCorrelationId() {
        assertEquals(1, EmitRequest.count("tool.invoked"));
        assertEquals(2500, EmitRequest.count("tool.invoked", "--count", "2500"));
        assertEquals("option --count needs a positive whole number, got '0'\nusage: " + EmitRequest.USAGE,
                assertThrows(CommandException.class, () -> EmitRequest.count("tool.invoked", "--count", "0")).getMessage());
        assertEquals("option --count allows at most 1000000, got 1000001\nusage: " + EmitRequest.USAGE,
                assertThrows(CommandException.class, () -> EmitRequest.count("tool.invoked", "--count", "1000001"))
                        .getMessage());
        List<DomainEvent> emitted = new ArrayList<>();
        RecordingBus bus = new RecordingBus(emitted::add);
        DomainEvent first = EmitRequest.parse("tool.invoked", "tool=git", "--count", "2500");
        String line = EmitRequest.emitAll(new SwapSafeEmitter(() -> bus), () -> "test", first, 2500);
        assertEquals(2500, emitted.size());
        assertEquals(first, emitted.get(0));
        assertEquals(2500, emitted.stream().map(DomainEvent::eventId).distinct().count());
        assertTrue(emitted.stream().allMatch(e -> e.correlationId().equals(first.correlationId())
                && e.details().equals(Map.of("tool", "git"))));
        assertEquals("emitted 2500 tool.invoked events " + first.eventId() + ".." + emitted.get(2499).eventId()
                + " on test", line);
    }

    @Test
    public void aCountCutShortSaysHowManyWereEmitted() {
        DomainEvent first = DomainEvent.of(EventType.TOOL_INVOKED);
        List<DomainEvent> emitted = new ArrayList<>();
        RecordingBus full = new RecordingBus(e -> {
            if (emitted.size() == 1500) {
                throw new EventRejectedException(EventRejectedException.Reason.JOURNAL_FAILURE, "disk full", null);
            }
            emitted.add(e);
        });
        assertEquals("events rejected after 1500 of 3000 were emitted: disk full", assertThrows(CommandException.class,
                () -> EmitRequest.emitAll(new SwapSafeEmitter(() -> full), () -> "test", first, 3000)).getMessage());
        assertEquals(BusReports.NO_BUS + "; 0 of 2 events were emitted", assertThrows(CommandException.class,
                () -> EmitRequest.emitAll(new SwapSafeEmitter(() -> null), () -> "-", first, 2)).getMessage());
        RecordingBus closed = new RecordingBus(e -> {
            throw new EventRejectedException(EventRejectedException.Reason.CLOSED, "closed", null);
        });
        assertEquals("the bound bus stayed closed for 16 attempts; 0 of 2 events were emitted",
                assertThrows(CommandException.class,
                        () -> EmitRequest.emitAll(new SwapSafeEmitter(() -> closed), () -> "test", first, 2)).getMessage());
    }

    /** A bus that hands every event to a consumer and supports nothing else. */
    private record RecordingBus(Consumer<DomainEvent> sink) implements EventBus {
        @Override
        public Subscription subscribe(Set<EventType> types, String filter, EventHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void emit(DomainEvent event) {
            sink.accept(event);
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
        public Subscription observe(Set<EventType> types, EventHandler observer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Subscription subscribeAll(EventHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EventBusMetrics metrics() {
            return Fakes.Metrics.empty();
        }
    }
}
