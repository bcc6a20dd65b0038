package ai.cleveragents.events.bridge.kafka.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.Subscription;

/**
 * The outbound side: the local journal as an outbox. A catch-up subscription ({@link EventJournal#subscribeFrom})
 * starts just after the persisted {@link OutboundCheckpoint} and hands every event to the idempotent
 * producer on the subscription's own thread; the {@link AckWindow} bounds what is unacknowledged (a full
 * window holds the subscription back) and the checkpoint is written, every {@code checkpoint.interval.ms},
 * from the acknowledged prefix only. Events that came in from Kafka are not sent back (loop suppression).
 * <p>A send that fails (after the producer's own retries, or at once) stops sending: the subscription and
 * the producer are closed and, after {@code retry.backoff.ms}, reopened from the checkpoint, so what was
 * not acknowledged is sent again (at-least-once). Thread-safe.
 */
final class OutboundPump implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundPump.class);

    private final BridgeSettings settings;
    private final EventJournal journal;
    private final RecordMapping mapping;
    private final OutboundCheckpoint checkpoint;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private final RecentIds cameIn;
    private final RecentIds known;
    private final BridgeCounters counters;
    private final ScheduledExecutorService scheduler;
    private final AckWindow window;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private Subscription subscription;
    /** Written under {@link #lock}. */
    private volatile Producer<byte[], byte[]> producer;
    /** Written under {@link #lock}: sending stopped until the next {@link #open}. */
    private volatile boolean failed;
    private volatile boolean stopped;
    private volatile String lastError;
    /** Written by the checkpoint task only. */
    private volatile String written;
    private volatile long movedNanos = System.nanoTime();

    OutboundPump(BridgeSettings settings, EventJournal journal, RecordMapping mapping, OutboundCheckpoint checkpoint,
            Supplier<Producer<byte[], byte[]>> producers, RecentIds cameIn, RecentIds known, BridgeCounters counters,
            ScheduledExecutorService scheduler) throws IOException {
        this.settings = settings;
        this.journal = journal;
        this.mapping = mapping;
        this.checkpoint = checkpoint;
        this.producers = producers;
        this.cameIn = cameIn;
        this.known = known;
        this.counters = counters;
        this.scheduler = scheduler;
        this.written = checkpoint.read().orElse(null);
        this.window = new AckWindow(settings.maxInFlight(), written);
    }

    /**
     * Opens the producer and the journal subscription and starts writing the checkpoint.
     *
     * @throws IllegalArgumentException if the checkpoint names an event the journal no longer holds
     * @throws org.apache.kafka.common.KafkaException if the producer cannot be created (bad client properties)
     */
    void start() {
        open();
        long interval = settings.checkpointIntervalMillis();
        scheduler.scheduleWithFixedDelay(this::writeCheckpoint, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void open() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            JournalPosition from = startPosition();
            producer = producers.get();
            failed = false;
            try {
                subscription = journal.subscribeFrom(from, Set.of(), this);
            } catch (RuntimeException e) {
                producer.close(Duration.ZERO);
                throw e;
            }
        }
    }

    private JournalPosition startPosition() {
        String acked = window.ackedThrough();
        if (acked != null) {
            return JournalPosition.afterEvent(acked);
        }
        Optional<String> last = settings.start() == StartPosition.latest ? journal.lastEventId() : Optional.empty();
        last.ifPresent(window::skipTo);
        return last.map(JournalPosition::afterEvent).orElse(JournalPosition.beginning());
    }

    @Override
    public void handle(DomainEvent event) throws InterruptedException {
        Producer<byte[], byte[]> p = producer;
        if (failed || stopped) {
            return;
        }
        String id = event.eventId();
        known.add(id);
        AckWindow.Slot slot = window.add(id, System.nanoTime());
        if (slot == null) {
            return;
        }
        if (cameIn.contains(id)) {
            counters.outLoopSuppressed.increment();
            window.ack(slot);
            return;
        }
        try {
            p.send(mapping.toRecord(event), (meta, error) -> {
                if (error == null) {
                    window.ack(slot);
                    counters.outAcked.increment();
                } else {
                    failed(p, error);
                }
            });
        } catch (RuntimeException e) {
            failed(p, e);
        }
    }

    private void failed(Producer<byte[], byte[]> p, Exception error) {
        synchronized (lock) {
            if (p != producer || failed || stopped) {
                return;
            }
            failed = true;
        }
        counters.outSendFailures.increment();
        lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
        LOG.warn("Kafka bridge {}: sending failed, resending from the checkpoint in {} ms: {}", settings.name(),
                settings.retryBackoffMillis(), error.toString());
        window.release();
        scheduler.schedule(this::restart, settings.retryBackoffMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        closeClients(Duration.ZERO);
        window.reset();
        counters.outRestarts.increment();
        try {
            open();
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("Kafka bridge {}: outbound stopped: {}", settings.name(), e.toString());
        }
    }

    private void closeClients(Duration producerTimeout) {
        Subscription s;
        Producer<byte[], byte[]> p;
        synchronized (lock) {
            s = subscription;
            p = producer;
            subscription = null;
        }
        if (s != null) {
            s.close();
        }
        if (p != null) {
            p.close(producerTimeout);
        }
    }

    void writeCheckpoint() {
        String acked = window.ackedThrough();
        if (acked == null || acked.equals(written)) {
            return;
        }
        try {
            checkpoint.write(acked);
            written = acked;
            movedNanos = System.nanoTime();
        } catch (IOException e) {
            lastError = "checkpoint not written: " + e.getMessage();
            LOG.warn("Kafka bridge {}: {}", settings.name(), lastError);
        }
    }

    /** Stops sending, waits up to 5 s for acknowledgements, and writes the checkpoint. */
    void stop() {
        stopped = true;
        window.release();
        closeClients(Duration.ofSeconds(5));
        writeCheckpoint();
    }

    /** @return the event id of the persisted checkpoint, {@code null} if none yet */
    String checkpoint() {
        return written;
    }

    String lastError() {
        return lastError;
    }

    int pending() {
        return window.pending();
    }

    /** @return 0 when every journal event is checkpointed, else how long the checkpoint has not moved */
    long lagMillis() {
        Optional<String> last = journal.lastEventId();
        if (last.isEmpty() || last.get().equals(written)) {
            return 0;
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - movedNanos);
    }

    /** @return the producer's open connections to brokers (Kafka's {@code connection-count}) */
    long connections() {
        Producer<byte[], byte[]> p = producer;
        return p == null ? 0 : ClientMetrics.connections(p.metrics());
    }
}
