package ai.cleveragents.events.benchmarks.peers;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.benchmarks.Receivers;

/** The floor: the emitter calls each handler through the {@link EventHandler} interface, isolated. */
final class DirectPeer implements Peer {

    private final EventHandler[] handlers;
    private final DomainEvent event;

    DirectPeer(Receivers receivers, DomainEvent event) {
        this.handlers = receivers.all().clone();
        this.event = event;
    }

    @Override
    public void emit() {
        for (EventHandler h : handlers) {
            try {
                h.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("a benchmark handler failed", e);
            }
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
