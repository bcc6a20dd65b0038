package ai.cleveragents.events.bridge.kafka.internal;

import java.io.UncheckedIOException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;
import ai.cleveragents.events.json.UnknownEventTypeException;

/**
 * Events to records and back. A record's value is the event's wire JSON (the journal's and the shell's
 * format); its key is the partitioning key of {@link #key}; its headers are {@link Headers#EVENT_TYPE},
 * {@link Headers#EVENT_ID} and {@link Headers#ORIGIN}. Decoding is strict: a record is either an event or
 * a {@link RejectReason}. Thread-safe.
 */
final class RecordMapping {

    private final EventCodec codec = new EventCodec();
    private final String topic;
    private final TopicLayout layout;
    private final String node;

    RecordMapping(String topic, TopicLayout layout, String node) {
        this.topic = topic;
        this.layout = layout;
        this.node = node;
    }

    String node() {
        return node;
    }

    /**
     * The partitioning key, so that every event of one plan tree lands on one partition, in order: the
     * root plan id, else the plan id, else the correlation id (never absent).
     */
    static String key(DomainEvent event) {
        if (event.rootPlanId() != null) {
            return event.rootPlanId();
        }
        return event.planId() != null ? event.planId() : event.correlationId();
    }

    ProducerRecord<byte[], byte[]> toRecord(DomainEvent event) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(layout.topicFor(topic, event.eventType()),
                Headers.utf8(key(event)), codec.encodeToBytes(event));
        r.headers().add(Headers.EVENT_TYPE, Headers.utf8(event.eventType().id()));
        r.headers().add(Headers.EVENT_ID, Headers.utf8(event.eventId()));
        r.headers().add(Headers.ORIGIN, Headers.utf8(node));
        return r;
    }

    /** @return whether this node produced the record */
    boolean fromHere(ConsumerRecord<byte[], byte[]> record) {
        return node.equals(Headers.text(record.headers(), Headers.ORIGIN));
    }

    /**
     * @return the event, or the reason the record is rejected
     */
    Decoded decode(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            return Decoded.rejected(RejectReason.NO_VALUE);
        }
        if (value.length > codec.maxBytes()) {
            return Decoded.rejected(RejectReason.TOO_LARGE);
        }
        DomainEvent event;
        try {
            event = codec.decode(value);
        } catch (UnknownEventTypeException e) {
            return Decoded.rejected(RejectReason.UNKNOWN_TYPE);
        } catch (EventCodecException | IllegalArgumentException | UncheckedIOException e) {
            return Decoded.rejected(RejectReason.MALFORMED);
        }
        String id = Headers.text(record.headers(), Headers.EVENT_ID);
        if (id != null && !id.equals(event.eventId())) {
            return Decoded.rejected(RejectReason.HEADER_MISMATCH);
        }
        return new Decoded(event, null);
    }

    /** A decoded record: exactly one of the two is set. */
    record Decoded(DomainEvent event, RejectReason rejected) {
        static Decoded rejected(RejectReason reason) {
            return new Decoded(null, reason);
        }
    }
}
