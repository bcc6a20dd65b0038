package ai.cleveragents.events.bridge.kafka.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Creates the bridge's Kafka clients from its settings: the idempotent producer ({@code acks=all},
 * {@code enable.idempotence=true}, fixed; {@code linger.ms=5} and {@code batch.size=262144} unless
 * configured) and the consumer (no auto-commit, fixed; {@code auto.offset.reset=earliest} unless
 * configured). Each client is created with the thread context class loader set to the bundle's (the
 * embedded Kafka client loads its default classes through it).
 */
final class KafkaClients {

    private KafkaClients() {
    }

    static Producer<byte[], byte[]> producer(Map<String, Object> configured, String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put("linger.ms", "5");
        p.put("batch.size", "262144");
        p.put("client.id", clientId);
        p.putAll(configured);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        return withBundleLoader(() -> new KafkaProducer<>(p));
    }

    static Consumer<byte[], byte[]> consumer(Map<String, Object> configured, String groupId, String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put("auto.offset.reset", "earliest");
        p.put("client.id", clientId);
        p.putAll(configured);
        p.put("group.id", groupId);
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return withBundleLoader(() -> new KafkaConsumer<>(p));
    }

    private static <T> T withBundleLoader(Supplier<T> create) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(KafkaClients.class.getClassLoader());
        try {
            return create.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
