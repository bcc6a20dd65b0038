package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.service.event.Event;

import ai.cleveragents.events.json.WireFields;

/**
 * The bounded queue between Event Admin's delivery threads and the bridge's own single thread, which
 * processes the queued events in arrival order. {@link #offer} never blocks: when the queue is full
 * the event is dropped and counted as {@link DropReason#QUEUE_FULL}. Thread-safe.
 */
final class InboundPump {

    /** Queued by {@link #close} after the last event; never offered by Event Admin. */
    private static final Event STOP = new Event("ai/cleveragents/bridge/STOP", Map.of());

    private final BlockingQueue<Event> queue;
    private final int capacity;
    private final Consumer<Event> processor;
    private final BridgeMetrics metrics;
    private final Thread thread;

    /**
     * @param capacity   the queue bound
     * @param processor  what to do with each event, on the pump thread; an exception it throws is
     *                   counted as {@link DropReason#REJECTED} and the pump goes on
     * @param metrics    where to count overflow and shutdown drops
     * @param threadName the pump thread's name
     */
    InboundPump(int capacity, Consumer<Event> processor, BridgeMetrics metrics, String threadName) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.processor = processor;
        this.metrics = metrics;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Queues an event without waiting.
     *
     * @return {@code false} if the queue was full and the event was dropped
     */
    boolean offer(Event event) {
        if (!queue.offer(event)) {
            metrics.dropped(DropReason.QUEUE_FULL, "inbound queue full (" + capacity + " events), dropped "
                    + event.getTopic() + " " + event.getProperty(WireFields.EVENT_ID));
            return false;
        }
        return true;
    }

    /** @return how many events wait */
    int depth() {
        return queue.size();
    }

    int capacity() {
        return capacity;
    }

    /**
     * Lets the pump finish the queued events, waiting at most {@code timeoutMillis}; events still queued
     * then are dropped and counted as {@link DropReason#SHUTDOWN}. Call after Event Admin stopped
     * delivering to the bridge.
     */
    void close(long timeoutMillis) {
        try {
            if (queue.offer(STOP, timeoutMillis, TimeUnit.MILLISECONDS)) {
                thread.join(timeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        int left = 0;
        for (Event e; (e = queue.poll()) != null;) {
            if (e != STOP) {
                left++;
            }
        }
        if (left > 0) {
            metrics.dropped(DropReason.SHUTDOWN, left, left + " inbound events still queued when the bridge stopped");
        }
    }

    private void run() {
        try {
            for (Event e = queue.take(); e != STOP; e = queue.take()) {
                process(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(Event e) {
        try {
            processor.accept(e);
        } catch (RuntimeException failure) {
            metrics.dropped(DropReason.REJECTED, "processing " + e.getTopic() + " failed: " + failure);
        }
    }
}
