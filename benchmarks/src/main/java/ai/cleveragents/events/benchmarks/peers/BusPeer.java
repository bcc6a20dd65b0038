package ai.cleveragents.events.benchmarks.peers;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.benchmarks.Receiver;
import ai.cleveragents.events.benchmarks.Receivers;

/** One of this project's buses, each receiver subscribed to the event's type. */
final class BusPeer implements Peer {

    private final EventBus bus;
    private final DomainEvent event;
    private final Runnable closer;

    BusPeer(EventBus bus, Receivers receivers, DomainEvent event, Runnable closer) {
        this.bus = bus;
        this.event = event;
        this.closer = closer;
        for (Receiver r : receivers.all()) {
            bus.subscribe(event.eventType(), r);
        }
    }

    @Override
    public void emit() {
        bus.emit(event);
    }

    @Override
    public void close() {
        closer.run();
    }
}
