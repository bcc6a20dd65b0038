package ai.cleveragents.events.bridge.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies rejected inbound records, unchanged, to the dead-letter topic (when {@code dead.letter.topic} is
 * set), adding the headers {@link Headers#REJECT_REASON} and {@link Headers#SOURCE}; waits for the
 * broker's acknowledgement (up to 30 s) before the offset moves on. A copy that fails is logged and counted
 * as not dead-lettered; the record is still skipped. Called by the consumer thread only.
 */
final class DeadLetters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final String topic;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private final BridgeCounters counters;
    /** Consumer thread only; created on first use. */
    private Producer<byte[], byte[]> producer;

    /** @param topic the dead-letter topic, empty for none */
    DeadLetters(String topic, Supplier<Producer<byte[], byte[]>> producers, BridgeCounters counters) {
        this.topic = topic;
        this.producers = producers;
        this.counters = counters;
    }

    void send(ConsumerRecord<byte[], byte[]> record, RejectReason reason) {
        if (topic.isEmpty()) {
            return;
        }
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header h : record.headers()) {
            copy.headers().add(h);
        }
        copy.headers().add(Headers.REJECT_REASON, reason.key().getBytes(StandardCharsets.UTF_8));
        copy.headers().add(Headers.SOURCE, Headers.utf8(record.topic() + "-" + record.partition() + "@" + record.offset()));
        try {
            if (producer == null) {
                producer = producers.get();
            }
            producer.send(copy).get(30, TimeUnit.SECONDS);
            counters.inDeadLettered.increment();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.warn("Kafka bridge: a rejected record ({}) was not dead-lettered: {}", reason.key(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
