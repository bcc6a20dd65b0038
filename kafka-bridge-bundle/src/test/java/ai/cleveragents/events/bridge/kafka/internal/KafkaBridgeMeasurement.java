package ai.cleveragents.events.bridge.kafka.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.bridge.kafka.testing.EmbeddedKafka;

/**
 * The measured harness of docs/performance.md#kafka-bridge, not part of the default build: run with
 * {@code mvn -B -pl kafka-bridge-bundle -am verify -Dtest=KafkaBridgeMeasurement -Dkafka.measure=true
 * -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true} (plus the api/services test names the build
 * needs). In one run, against one KRaft broker in this JVM: (1) outbound events/s of the bridge draining
 * a journal of N events, (2) a plain Kafka producer with the same settings ({@code acks=all}, idempotent,
 * {@code linger.ms=5}, {@code batch.size=262144}) sending the same N encoded events — the ceiling, as
 * Kafka's ProducerPerformance measures it — and (3) end-to-end latency, emit on A to handler on B, at a
 * paced 10 000 events/s. Prints one line per figure.
 */
public class KafkaBridgeMeasurement {

    private static final int EVENTS = Integer.getInteger("kafka.measure.events", 200_000);
    private static final int RATE = Integer.getInteger("kafka.measure.rate", 10_000);
    private static final int SECONDS = Integer.getInteger("kafka.measure.seconds", 10);

    @Rule
    public final TemporaryFolder dir = new TemporaryFolder();

    private static Map<String, Object> props(String node, String directions, String topic) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "m");
        p.put("node.id", node);
        p.put("topic", topic);
        p.put("directions", directions);
        p.put("group.id", topic + "-" + node);
        return p;
    }

    @Test
    public void measure() throws Exception {
        assumeTrue("run with -Dkafka.measure=true", Boolean.getBoolean("kafka.measure"));
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.newFolder("broker").toPath());
        try {
            double bridge = outbound(kafka);
            double ceiling = plainProducer(kafka);
            System.out.printf("kafka-bridge outbound: %.0f events/s; plain producer, same settings: %.0f records/s;"
                    + " ratio %.2f%n", bridge, ceiling, bridge / ceiling);
            latency(kafka);
        } finally {
            kafka.close();
        }
    }

    private double outbound(EmbeddedKafka kafka) throws Exception {
        LocalNode a = new LocalNode(dir.newFolder("a").toPath());
        try {
            for (int i = 0; i < EVENTS; i += 1000) {
                a.bus.get().emitAll(KafkaBridgeTest.plans(100, 10));
            }
            long start = System.nanoTime();
            a.start(kafka.bootstrapServers(), props("A", "out", "measure-out"));
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> a.metric("out.acked") >= EVENTS);
            return EVENTS / ((System.nanoTime() - start) / 1e9);
        } finally {
            a.close();
        }
    }

    private double plainProducer(EmbeddedKafka kafka) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        RecordMapping mapping = new RecordMapping("measure-plain", TopicLayout.single, "P");
        List<DomainEvent> events = KafkaBridgeTest.plans(100, 10);
        long start = System.nanoTime();
        try (Producer<byte[], byte[]> producer = KafkaClients.producer(p, "measure-plain")) {
            for (int i = 0; i < EVENTS; i++) {
                ProducerRecord<byte[], byte[]> r = mapping.toRecord(events.get(i % events.size()));
                producer.send(r);
            }
            producer.flush();
        }
        return EVENTS / ((System.nanoTime() - start) / 1e9);
    }

    private void latency(EmbeddedKafka kafka) throws Exception {
        LocalNode a = new LocalNode(dir.newFolder("la").toPath());
        LocalNode b = new LocalNode(dir.newFolder("lb").toPath());
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> latency = new ConcurrentHashMap<>();
        b.engine.subscribeAll(e -> {
            Long t = sentAt.get(e.eventId());
            if (t != null) {
                latency.put(e.eventId(), System.nanoTime() - t);
            }
        }, null);
        try {
            Map<String, Object> pa = props("A", "out", "measure-latency");
            pa.put("outbound.start", "latest");
            a.start(kafka.bootstrapServers(), pa);
            b.start(kafka.bootstrapServers(), props("B", "in", "measure-latency"));
            warmUp(a, b);
            int total = RATE * SECONDS;
            long period = 1_000_000_000L / RATE;
            long next = System.nanoTime();
            for (int i = 0; i < total; i++) {
                DomainEvent e = DomainEvent.builder(EventType.TOOL_INVOKED).planId("p-" + (i % 100)).build();
                LockSupport.parkNanos(next - System.nanoTime());
                sentAt.put(e.eventId(), System.nanoTime());
                a.emit(e);
                next += period;
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> latency.size() >= total);
            long[] sorted = latency.values().stream().mapToLong(Long::longValue).sorted().toArray();
            assertEquals(total, sorted.length);
            System.out.printf("kafka-bridge end-to-end at %d events/s for %d s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    RATE, SECONDS, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                    Arrays.stream(sorted).max().orElse(0) / 1e6);
        } finally {
            a.close();
            b.close();
        }
    }

    private static void warmUp(LocalNode a, LocalNode b) {
        a.emit(DomainEvent.of(EventType.SESSION_STARTED));
        await().atMost(Duration.ofSeconds(60)).until(() -> b.metric("in.emitted") >= 1);
    }
}
