package ai.cleveragents.events.benchmarks.peers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.SubmissionPublisher;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.benchmarks.Receiver;
import ai.cleveragents.events.benchmarks.Receivers;
import ai.cleveragents.events.bus.reactive.internal.BenchmarkReactiveBus;

/**
 * JDK {@link SubmissionPublisher} alone: {@code submit} blocks when a subscriber's buffer is full,
 * so nothing is lost; subscribers drain on a {@link ForkJoinPool} with one thread per subscriber (the
 * pool kind {@code SubmissionPublisher} is written for). Same buffer per subscriber as the reactive
 * bus's stream.
 *
 * <p>With a cached thread pool instead (the first version of this peer), JDK 17's
 * {@code SubmissionPublisher} now and then left one item undelivered for good: the zero-loss check
 * failed after its 30 s wait ("a subscriber has 579583 of 579584", 4 subscribers, 2026-12-03).
 */
final class SubmissionPublisherPeer implements Peer {

    private final ExecutorService executor;
    private final SubmissionPublisher<DomainEvent> publisher;
    private final DomainEvent event;

    SubmissionPublisherPeer(Receivers receivers, DomainEvent event) {
        this.executor = new ForkJoinPool(Math.max(2, receivers.all().length));
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
