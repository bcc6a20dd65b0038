package ai.cleveragents.events.examples.emitter.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.SwapSafeEmitter.Outcome;
import ai.cleveragents.events.Subscription;

/** The component emits what it says on the bound bus, and nothing (without failing) when there is none. */
public class DeploymentNotifierTest {

    /** A bus that only records what is emitted on it. */
    static final class RecordingBus implements EventBus {
        final List<DomainEvent> emitted = new ArrayList<>();

        @Override
        public void emit(DomainEvent event) {
            emitted.add(event);
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

    @Test
    public void emitsPlanCompletedOnTheBoundBus() {
        DeploymentNotifier notifier = new DeploymentNotifier();
        RecordingBus bus = new RecordingBus();
        notifier.bind(bus);
        assertEquals(Outcome.EMITTED, notifier.deployed("p-1", "prod"));
        DomainEvent event = bus.emitted.get(0);
        assertEquals(EventType.PLAN_COMPLETED, event.eventType());
        assertEquals("p-1", event.planId());
        assertEquals("prod", event.details().get("environment"));
    }

    @Test
    public void withoutABusNothingIsEmittedAndNothingFails() {
        assertEquals(Outcome.NO_BUS, new DeploymentNotifier().deployed("p-1", "prod"));
    }
}
