package ai.cleveragents.events.benchmarks.peers;

import java.util.concurrent.ExecutorService;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.benchmarks.Receiver;
import ai.cleveragents.events.benchmarks.Receivers;

import com.google.common.eventbus.EventBus;

/** Guava {@code EventBus} (synchronous) or {@code AsyncEventBus} over a thread pool. */
final class GuavaPeer implements Peer {

    private final EventBus bus;
    private final DomainEvent event;
    private final ExecutorService executor;

    GuavaPeer(EventBus bus, ExecutorService executor, Receivers receivers, DomainEvent event) {
        this.bus = bus;
        this.executor = executor;
        this.event = event;
        for (Receiver r : receivers.all()) {
            bus.register(r);
        }
    }

    @Override
    public void emit() {
        bus.post(event);
    }

    @Override
    public void close() {
        if (executor != null) {
            Pools.shutdown(executor);
        }
    }
}
