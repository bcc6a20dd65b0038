package ai.cleveragents.events.examples.stream.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventStream;

/**
 * A stream subscriber: a JDK {@link Flow.Subscriber} on the reactive bus's {@link EventStream} that counts
 * events per type, one at a time ({@code request(1)} after each), on the stream's own delivery thread, so
 * a slow consumer never holds up the emitters beyond the bus's overflow policy.
 */
@Component(service = EventTypeCounter.class)
public final class EventTypeCounter implements Flow.Subscriber<DomainEvent> {

    /** Guarded by {@code this}. */
    private final Map<String, Long> counts = new TreeMap<>();
    private final CompletableFuture<Map<String, Long>> completed = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    @Activate
    public EventTypeCounter(@Reference EventStream stream) {
        stream.subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(DomainEvent event) {
        synchronized (this) {
            counts.merge(event.eventType().id(), 1L, Long::sum);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        completed.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        completed.complete(counts());
    }

    /** @return the events counted so far, per event type id */
    public synchronized Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /** @return completed with the final counts when the stream ends (its bus stopped) */
    public CompletableFuture<Map<String, Long>> completion() {
        return completed;
    }

    @Deactivate
    void stop() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
