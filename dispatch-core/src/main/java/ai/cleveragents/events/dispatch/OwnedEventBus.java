package ai.cleveragents.events.dispatch;

import java.util.List;
import java.util.Set;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;

/** The view of a bus one bundle gets: its subscriptions are owned by that bundle. */
final class OwnedEventBus implements EventBus {

    private final DispatchEngine engine;
    private final Object owner;
    private final String emitter;

    OwnedEventBus(DispatchEngine engine, Object owner) {
        this.engine = engine;
        this.owner = owner;
        this.emitter = Emitters.ofOwner(owner);
    }

    @Override
    public void emit(DomainEvent event) {
        engine.emit(event, emitter);
    }

    @Override
    public void emitAll(List<DomainEvent> events) {
        engine.emitAll(events, emitter);
    }

    @Override
    public Subscription subscribe(EventType type, EventHandler handler) {
        return engine.subscribe(type, handler, owner);
    }

    @Override
    public Subscription subscribe(Set<EventType> types, EventHandler handler) {
        return engine.subscribe(types, handler, owner);
    }

    @Override
    public Subscription subscribe(Set<EventType> types, String filter, EventHandler handler) {
        return engine.subscribe(types, filter, handler, owner);
    }

    @Override
    public Subscription observe(Set<EventType> types, EventHandler observer) {
        return engine.observe(types, observer, owner);
    }

    @Override
    public Subscription subscribeAll(EventHandler handler) {
        return engine.subscribeAll(handler, owner);
    }

    @Override
    public EventBusMetrics metrics() {
        return engine.metrics();
    }

    void release() {
        engine.closeOwner(owner);
    }

    @Override
    public String toString() {
        return engine.busName() + " event bus for " + Registration.describe(owner);
    }
}
