package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.service.event.Event;

import ai.cleveragents.events.json.WireFields;

/**
 * The bounded queue between Event Admin's delivery threads and the bridge's own single thread, which
 * processes the queued events in arrival order, in batches of what has queued up meanwhile (at most
 * {@value #MAX_BATCH}). {@link #offer} never blocks: when the queue is full the event is dropped and
 * counted as {@link DropReason#QUEUE_FULL}. Thread-safe.
 */
final class InboundPump {

    /** The most events handed to the processor at once. */
    static final int MAX_BATCH = 512;

    /** Queued by {@link #close} after the last event; never offered by Event Admin. */
    private static final Event STOP = new Event("ai/cleveragents/bridge/STOP", Map.of());

    private final BlockingQueue<Event> queue;
    private final int capacity;
    private final Consumer<List<Event>> processor;
    private final BridgeMetrics metrics;
    private final Thread thread;

    /**
     * @param capacity   the queue bound
     * @param processor  what to do with each batch of events, in arrival order, on the pump thread; an
     *                   exception it throws counts the batch as {@link DropReason#REJECTED} and the pump
     *                   goes on
     * @param metrics    where to count overflow and shutdown drops
     * @param threadName the pump thread's name
     */
    InboundPump(int capacity, Consumer<List<Event>> processor, BridgeMetrics metrics, String threadName) {
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
        List<Event> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                int stop = indexOfStop(batch);
                process(stop < 0 ? batch : batch.subList(0, stop));
                if (stop >= 0) {
                    return;
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return where {@link #STOP} itself is (by identity: an equal event posted by a bundle is an event), or -1 */
    private static int indexOfStop(List<Event> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) == STOP) {
                return i;
            }
        }
        return -1;
    }

    private void process(List<Event> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            processor.accept(batch);
        } catch (RuntimeException failure) {
            metrics.dropped(DropReason.REJECTED, batch.size(), "processing " + batch.size() + " event(s) from "
                    + batch.get(0).getTopic() + " failed: " + failure);
        }
    }
}
