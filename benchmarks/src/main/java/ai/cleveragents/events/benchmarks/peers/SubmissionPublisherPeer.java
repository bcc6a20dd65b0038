package ai.cleveragents.events.benchmarks.peers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SubmissionPublisher;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.benchmarks.Receiver;
import ai.cleveragents.events.benchmarks.Receivers;
import ai.cleveragents.events.bus.reactive.internal.BenchmarkReactiveBus;

/**
 * JDK {@link SubmissionPublisher} alone: {@code submit} blocks when a subscriber's buffer is full,
 * so nothing is lost; each subscriber drains on its own pool thread. Same buffer per subscriber as
 * the reactive bus's stream.
 */
final class SubmissionPublisherPeer implements Peer {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SubmissionPublisher<DomainEvent> publisher;
    private final DomainEvent event;

    SubmissionPublisherPeer(Receivers receivers, DomainEvent event) {
        this.publisher = new SubmissionPublisher<>(executor, BenchmarkReactiveBus.STREAM_BUFFER);
        this.event = event;
        for (Receiver r : receivers.all()) {
            publisher.subscribe(r);
        }
    }

    @Override
    public void emit() {
        publisher.submit(event);
    }

    @Override
    public void close() {
        publisher.close();
        Pools.shutdown(executor);
    }
}
