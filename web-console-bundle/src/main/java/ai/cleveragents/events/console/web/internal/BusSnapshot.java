package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventType;

/**
 * One registered EventBus service at one moment, as {@code /console/api/buses} shows it.
 *
 * @param serviceId the service id
 * @param name      the {@code event.bus.name} property, or {@code -}
 * @param ranking   the {@code service.ranking} property (0 when absent)
 * @param bundle    the registering bundle's symbolic name
 * @param bound     whether greedy consumers are bound to it
 * @param metrics   its metrics
 */
record BusSnapshot(long serviceId, String name, int ranking, String bundle, boolean bound, EventBusMetrics metrics) {

    /** The order consumers prefer buses in: descending ranking, then ascending service id. */
    static final Comparator<BusSnapshot> PREFERENCE =
            Comparator.comparingInt(BusSnapshot::ranking).reversed().thenComparingLong(BusSnapshot::serviceId);

    /**
     * Writes {@code {"time":…, "buses":[…], "sources":[…]}}.
     *
     * @param json    the generator
     * @param now     the snapshot time, epoch milliseconds
     * @param buses   the buses, in {@link #PREFERENCE} order
     * @param sources the other metrics sources' counters by name
     * @throws IOException if writing fails
     */
    static void write(JsonGenerator json, long now, List<BusSnapshot> buses, Map<String, Map<String, Long>> sources)
            throws IOException {
        json.writeStartObject();
        json.writeNumberField("time", now);
        json.writeArrayFieldStart("buses");
        for (BusSnapshot bus : buses) {
            bus.write(json);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("sources");
        for (Map.Entry<String, Map<String, Long>> source : sources.entrySet()) {
            json.writeStartObject();
            json.writeStringField("name", source.getKey());
            counters(json, "metrics", source.getValue());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void write(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("service_id", serviceId);
        json.writeStringField("name", name);
        json.writeNumberField("ranking", ranking);
        json.writeStringField("bundle", bundle);
        json.writeBooleanField("bound", bound);
        json.writeNumberField("emitted_total", total(metrics.emitted()));
        byType(json, "emitted", metrics.emitted());
        json.writeNumberField("deliveries", metrics.deliveries());
        json.writeNumberField("handler_failures", metrics.handlerFailures());
        json.writeNumberField("drops", metrics.drops());
        json.writeNumberField("unhandled_total", total(metrics.unhandled()));
        json.writeNumberField("stream_subscribers", metrics.streamSubscribers());
        json.writeNumberField("subscriptions", metrics.subscriptions());
        counters(json, "extra", metrics.extra());
        json.writeEndObject();
    }

    private static long total(Map<EventType, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void byType(JsonGenerator json, String field, Map<EventType, Long> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<EventType, Long> e : counts.entrySet()) {
            json.writeNumberField(e.getKey().id(), e.getValue());
        }
        json.writeEndObject();
    }

    private static void counters(JsonGenerator json, String field, Map<String, Long> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(counts).entrySet()) {
            json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }
}
