package ai.cleveragents.events.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;

import com.fasterxml.jackson.core.JsonGenerator;

/** Writes one event as a JSON object with a streaming generator. */
final class EventEncoder {

    private EventEncoder() {
    }

    static void write(DomainEvent e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField(WireFields.EVENT_ID, e.eventId());
        g.writeStringField(WireFields.EVENT_TYPE, e.eventType().id());
        g.writeStringField(WireFields.TIMESTAMP, IsoInstant.format(e.timestamp()));
        g.writeStringField(WireFields.CORRELATION_ID, e.correlationId());
        writeNullable(g, WireFields.PLAN_ID, e.planId());
        writeNullable(g, WireFields.ROOT_PLAN_ID, e.rootPlanId());
        writeNullable(g, WireFields.SESSION_ID, e.sessionId());
        writeNullable(g, WireFields.ACTOR_NAME, e.actorName());
        writeNullable(g, WireFields.PROJECT_NAME, e.projectName());
        g.writeFieldName(WireFields.DETAILS);
        writeValue(g, e.details());
        g.writeEndObject();
    }

    private static void writeNullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Long) {
            g.writeNumber((Long) v);
        } else if (v instanceof Double) {
            g.writeNumber((Double) v);
        } else if (v instanceof BigInteger) {
            g.writeNumber((BigInteger) v);
        } else if (v instanceof BigDecimal) {
            g.writeNumber((BigDecimal) v);
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName((String) entry.getKey());
                writeValue(g, entry.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Object item : (List<?>) v) {
                writeValue(g, item);
            }
            g.writeEndArray();
        }
    }
}
