package ai.cleveragents.events.bridge.kafka.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;

/**
 * The inbound side: one consumer thread of its own. Each poll's records are taken partition by partition,
 * in offset order: records this node produced are skipped (loop suppression), the rest decoded strictly
 * (rejections counted by reason and dead-lettered if configured), events already seen dropped by id
 * ({@link RecentIds}), and the rest emitted on the local bus as one batch ({@link BatchEmitter}); the
 * partition's offset is committed only after that emit returned. The consumer thread itself emits, so a
 * slow bus holds the consumer back (at most one poll, {@code max.poll.records}, is held). When no bus is
 * bound, or the journal refuses a write, every assigned partition is paused and rewound to its first
 * record not emitted, and resumed once a bus is bound again ({@code retry.backoff.ms} later). Nothing
 * is buffered beyond one poll. Thread-safe.
 */
final class InboundPump implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(InboundPump.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final BridgeSettings settings;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final RecordMapping mapping;
    private final BatchEmitter emitter;
    private final Supplier<EventBus> bus;
    private final DeadLetters deadLetters;
    private final RecentIds known;
    private final BridgeCounters counters;
    private final Object stopSignal = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<byte[], byte[]> consumer;
    private volatile boolean paused;
    private volatile long connections;
    private volatile String lastError;
    /** Consumer thread only. */
    private long resumeAtNanos;

    InboundPump(BridgeSettings settings, Supplier<Consumer<byte[], byte[]>> consumers, RecordMapping mapping,
            BatchEmitter emitter, Supplier<EventBus> bus, DeadLetters deadLetters, RecentIds known,
            BridgeCounters counters) {
        this.settings = settings;
        this.consumers = consumers;
        this.mapping = mapping;
        this.emitter = emitter;
        this.bus = bus;
        this.deadLetters = deadLetters;
        this.known = known;
        this.counters = counters;
        this.thread = new Thread(this, "kafka-bridge-" + settings.name() + "-in");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try (Consumer<byte[], byte[]> c = consumers.get()) {
            consumer = c;
            c.subscribe(settings.layout().topics(settings.topic()));
            while (running) {
                step(c);
            }
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("Kafka bridge {}: inbound stopped: {}", settings.name(), e.toString());
        } finally {
            consumer = null;
            deadLetters.close();
        }
    }

    private void step(Consumer<byte[], byte[]> c) {
        try {
            ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
            connections = ClientMetrics.connections(c.metrics());
            if (paused && bus.get() != null && System.nanoTime() - resumeAtNanos >= 0) {
                c.resume(c.paused());
                paused = false;
            }
            process(c, records);
        } catch (WakeupException e) {
            return;
        } catch (KafkaException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("Kafka bridge {}: inbound retries in {} ms: {}", settings.name(), settings.retryBackoffMillis(),
                    e.toString());
            backOff();
        }
    }

    private void process(Consumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records) {
        List<TopicPartition> partitions = new ArrayList<>(records.partitions());
        for (int i = 0; i < partitions.size(); i++) {
            TopicPartition tp = partitions.get(i);
            List<ConsumerRecord<byte[], byte[]>> list = records.records(tp);
            if (!emitPartition(list)) {
                pauseAndRewind(c, records, partitions.subList(i, partitions.size()));
                return;
            }
            long next = list.get(list.size() - 1).offset() + 1;
            c.commitSync(Map.of(tp, new OffsetAndMetadata(next)));
        }
    }

    private boolean emitPartition(List<ConsumerRecord<byte[], byte[]>> records) {
        List<DomainEvent> batch = new ArrayList<>(records.size());
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (mapping.fromHere(r)) {
                counters.inLoopSuppressed.increment();
                continue;
            }
            RecordMapping.Decoded d = mapping.decode(r);
            if (d.rejected() != null) {
                counters.rejected(d.rejected());
                deadLetters.send(r, d.rejected());
                continue;
            }
            String id = d.event().eventId();
            if (known.contains(id) || !ids.add(id)) {
                counters.inDuplicates.increment();
                continue;
            }
            batch.add(d.event());
        }
        BatchEmitter.Result result = emitter.emit(batch);
        if (result.error() != null) {
            lastError = result.error();
        }
        return result.complete();
    }

    private void pauseAndRewind(Consumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records,
            List<TopicPartition> notCommitted) {
        for (TopicPartition tp : notCommitted) {
            c.seek(tp, records.records(tp).get(0).offset());
        }
        c.pause(c.assignment());
        paused = true;
        resumeAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.retryBackoffMillis());
        counters.inPauses.increment();
    }

    private void backOff() {
        synchronized (stopSignal) {
            if (running) {
                try {
                    stopSignal.wait(settings.retryBackoffMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /** Stops the consumer thread (waits up to 10 s for it); committed offsets stay. */
    void stop() throws InterruptedException {
        running = false;
        synchronized (stopSignal) {
            stopSignal.notifyAll();
        }
        Consumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    boolean paused() {
        return paused;
    }

    String lastError() {
        return lastError;
    }

    /** @return whether the consumer thread is running */
    boolean alive() {
        return thread.isAlive();
    }

    /** @return the consumer's open connections to brokers (Kafka's {@code connection-count}) */
    long connections() {
        return consumer == null ? 0 : connections;
    }
}
