package ai.cleveragents.events.services.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.DispatchEngine;
import ai.cleveragents.events.dispatch.EmitStage;

/** A real bus from the dispatch core, recording every event it delivers. */
final class RecordingBus {

    final DispatchEngine engine;
    final EventBus bus;
    /** synchronized: emitting threads append while tests read */
    final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());

    RecordingBus(String name) {
        this(name, (e, emitter) -> false);
    }

    RecordingBus(String name, EmitStage stage) {
        engine = new DispatchEngine(name, stage);
        bus = engine.view(null);
        bus.subscribeAll(events::add);
    }

    List<EventType> types() {
        return List.copyOf(events).stream().map(DomainEvent::eventType).collect(Collectors.toList());
    }

    DomainEvent last() {
        return events.get(events.size() - 1);
    }

    void close() {
        engine.close(() -> { }, 1_000);
    }
}
