package ai.cleveragents.events.bus.reactive.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventStream;

/**
 * The bus's {@link EventStream}: every accepted event is offered to every current subscriber's own
 * bounded buffer, drained by that subscriber's own thread. Thread-safe.
 */
final class StreamPublisher implements EventStream {

    private final int capacity;
    private final OverflowPolicy policy;
    private final CopyOnWriteArrayList<StreamSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    /** Drops of subscriptions that have ended, so the total never goes down. */
    private final LongAdder retiredDrops = new LongAdder();
    private volatile boolean closed;

    StreamPublisher(int capacity, OverflowPolicy policy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("stream.buffer.size must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super DomainEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        long id = ids.incrementAndGet();
        StreamSubscription s = new StreamSubscription(id, subscriber, capacity, policy,
                Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "events-stream-" + id);
                    t.setDaemon(true);
                    return t;
                }), this::remove);
        subscriptions.add(s);
        if (closed) {
            s.complete();
        }
        s.start();
    }

    /** @return {@code true} if the event was offered to at least one subscriber */
    boolean offer(DomainEvent event) {
        boolean any = false;
        for (StreamSubscription s : subscriptions) {
            s.offer(event);
            any = true;
        }
        return any;
    }

    int subscribers() {
        return subscriptions.size();
    }

    long drops() {
        long total = retiredDrops.sum();
        for (StreamSubscription s : subscriptions) {
            total += s.drops();
        }
        return total;
    }

    Map<String, Long> dropsPerSubscriber() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (StreamSubscription s : subscriptions) {
            map.put("stream.subscriber." + s.id() + ".drops", s.drops());
        }
        return map;
    }

    /**
     * Called when the bus closes, before the emits in flight are awaited: no emitter waits for room in
     * a full buffer any more (see {@link StreamSubscription#release()}).
     */
    void release() {
        subscriptions.forEach(StreamSubscription::release);
    }

    /** Completes every subscriber after it drains its buffer; later subscribers complete at once. */
    void close() {
        closed = true;
        subscriptions.forEach(StreamSubscription::complete);
    }

    private void remove(StreamSubscription s) {
        if (subscriptions.remove(s)) {
            retiredDrops.add(s.drops());
        }
    }
}
