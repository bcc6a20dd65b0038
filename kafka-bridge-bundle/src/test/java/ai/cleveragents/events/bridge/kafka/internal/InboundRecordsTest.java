package ai.cleveragents.events.bridge.kafka.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.bridge.kafka.testing.EmbeddedKafka;
import ai.cleveragents.events.json.EventCodec;

/**
 * What arrives on the topic that is not a new event: poison records, unknown types, tombstones, forged
 * headers, duplicates, this node's own records. Each is counted by reason and skipped (dead-lettered when
 * configured) and the consumer keeps going; without a bus the partitions pause and nothing is lost.
 */
public class InboundRecordsTest {

    private static EmbeddedKafka kafka;
    private static int topics;

    @Rule
    public final TemporaryFolder dir = new TemporaryFolder();
    private LocalNode b;
    private String topic;
    private KafkaProducer<byte[], byte[]> raw;

    @BeforeClass
    public static void broker() {
        kafka = EmbeddedKafka.shared();
    }

    @Before
    public void node() throws Exception {
        b = new LocalNode(dir.newFolder("b").toPath());
        topic = "inbound-test-" + (++topics);
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("max.request.size", "4194304");
        raw = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @After
    public void close() throws Exception {
        raw.close();
        b.close();
    }

    private Map<String, Object> props() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "in");
        p.put("node.id", "B");
        p.put("topic", topic);
        p.put("directions", "in");
        p.put("retry.backoff.ms", "100");
        return p;
    }

    private void send(byte[] value, String... headers) throws Exception {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, 0, "k".getBytes(StandardCharsets.UTF_8), value);
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        raw.send(r).get();
    }

    private static byte[] json(DomainEvent e) {
        return new EventCodec().encodeToBytes(e);
    }

    @Test
    public void badRecordsAreCountedByReasonDeadLetteredAndSkipped() throws Exception {
        Map<String, Object> p = props();
        p.put("dead.letter.topic", topic + ".dead");
        p.put("kafka.producer.max.request.size", "4194304");
        b.start(kafka.bootstrapServers(), p);
        DomainEvent good = DomainEvent.builder(EventType.PLAN_CREATED).planId("p").build();
        send("{not json".getBytes(StandardCharsets.UTF_8));
        String unknown = new String(json(good), StandardCharsets.UTF_8).replace("plan.created", "plan.teleported");
        send(unknown.getBytes(StandardCharsets.UTF_8));
        send(null);
        send(json(DomainEvent.of(EventType.TOOL_INVOKED)), Headers.EVENT_ID, good.eventId());
        send(new byte[EventCodec.DEFAULT_MAX_BYTES + 1]);
        send(json(good));
        send(json(good));
        send(json(DomainEvent.of(EventType.TOOL_FAILED)), Headers.ORIGIN, "B");
        await().atMost(Duration.ofSeconds(60)).until(() -> b.metric("in.loop_suppressed") == 1);
        assertEquals(List.of(good), b.received);
        assertEquals(1, b.metric("in.emitted"));
        assertEquals(1, b.metric("in.duplicates"));
        for (RejectReason r : List.of(RejectReason.MALFORMED, RejectReason.UNKNOWN_TYPE, RejectReason.NO_VALUE,
                RejectReason.HEADER_MISMATCH, RejectReason.TOO_LARGE)) {
            assertEquals(r.key(), 1, b.metric("in.rejected." + r.key()));
        }
        assertEquals(5, b.metric("in.dead_lettered"));
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : consume(topic + ".dead", 5)) {
            reasons.add(Headers.text(r.headers(), Headers.REJECT_REASON));
            assertTrue(Headers.text(r.headers(), Headers.SOURCE).startsWith(topic + "-0@"));
        }
        assertEquals(List.of("malformed", "unknown_type", "no_value", "header_mismatch", "too_large"), reasons);
    }

    @Test
    public void withoutABusThePartitionsPauseAndNothingIsLost() throws Exception {
        b.bus.set(null);
        b.start(kafka.bootstrapServers(), props());
        List<DomainEvent> sent = KafkaBridgeTest.plans(2, 5);
        for (DomainEvent e : sent) {
            send(json(e));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> b.metric("in.paused") == 1);
        assertTrue(b.bridge.status().get("inbound"), b.bridge.status().get("inbound").startsWith("paused"));
        assertEquals(0, b.metric("in.emitted"));
        b.bus.set(b.engine.view(null));
        await().atMost(Duration.ofSeconds(60)).until(() -> b.received.size() >= sent.size());
        KafkaBridgeTest.assertExactlyOnceInOrderPerPlan(sent, b.received);
        assertEquals(0, b.metric("in.paused"));
    }

    @Test
    public void aRestartedConsumerDropsWhatItsJournalAlreadyHolds() throws Exception {
        b.start(kafka.bootstrapServers(), props());
        DomainEvent e = DomainEvent.of(EventType.BUDGET_CONSUMED);
        send(json(e));
        await().atMost(Duration.ofSeconds(60)).until(() -> b.received.size() == 1);
        b.stopBridge();
        Map<String, Object> other = props();
        other.put("group.id", "another-group");
        b.start(kafka.bootstrapServers(), other);
        await().atMost(Duration.ofSeconds(60)).until(() -> b.metric("in.duplicates") == 1);
        assertEquals(List.of(e), b.received);
    }

    private List<ConsumerRecord<byte[], byte[]>> consume(String t, int count) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("group.id", "reader-" + t);
        p.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(t));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
                return out.size() >= count;
            });
        }
        return out;
    }
}
