package ai.cleveragents.events.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;

/**
 * Writes one event as a single-line JSON object straight into a {@link JsonOutput}: the fixed field
 * names are pre-encoded, strings and numbers are written without intermediate objects.
 */
final class EventEncoder {

    private static final byte[] EVENT_ID = name("{", WireFields.EVENT_ID);
    private static final byte[] EVENT_TYPE = name(",", WireFields.EVENT_TYPE);
    private static final byte[] TIMESTAMP = name(",", WireFields.TIMESTAMP);
    private static final byte[] CORRELATION_ID = name(",", WireFields.CORRELATION_ID);
    private static final byte[] PLAN_ID = name(",", WireFields.PLAN_ID);
    private static final byte[] ROOT_PLAN_ID = name(",", WireFields.ROOT_PLAN_ID);
    private static final byte[] SESSION_ID = name(",", WireFields.SESSION_ID);
    private static final byte[] ACTOR_NAME = name(",", WireFields.ACTOR_NAME);
    private static final byte[] PROJECT_NAME = name(",", WireFields.PROJECT_NAME);
    private static final byte[] DETAILS = name(",", WireFields.DETAILS);
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    private EventEncoder() {
    }

    private static byte[] name(String before, String field) {
        return ascii(before + '"' + field + "\":");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static void write(DomainEvent e, JsonOutput out) {
        out.raw(EVENT_ID);
        out.string(e.eventId());
        out.raw(EVENT_TYPE);
        out.string(e.eventType().id());
        out.raw(TIMESTAMP);
        out.instant(e.timestamp());
        out.raw(CORRELATION_ID);
        out.string(e.correlationId());
        nullable(out, PLAN_ID, e.planId());
        nullable(out, ROOT_PLAN_ID, e.rootPlanId());
        nullable(out, SESSION_ID, e.sessionId());
        nullable(out, ACTOR_NAME, e.actorName());
        nullable(out, PROJECT_NAME, e.projectName());
        out.raw(DETAILS);
        value(out, e.details());
        out.raw('}');
    }

    private static void nullable(JsonOutput out, byte[] field, String value) {
        out.raw(field);
        if (value == null) {
            out.raw(NULL);
        } else {
            out.string(value);
        }
    }

    private static void value(JsonOutput out, Object v) {
        if (v == null) {
            out.raw(NULL);
        } else if (v instanceof String) {
            out.string((String) v);
        } else if (v instanceof Boolean) {
            out.raw((Boolean) v ? TRUE : FALSE);
        } else if (v instanceof Long) {
            out.number((Long) v);
        } else if (v instanceof Double || v instanceof BigInteger || v instanceof BigDecimal) {
            out.ascii(v.toString());
        } else if (v instanceof Map) {
            object(out, (Map<?, ?>) v);
        } else {
            array(out, (List<?>) v);
        }
    }

    private static void object(JsonOutput out, Map<?, ?> map) {
        out.raw('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            out.string((String) entry.getKey());
            out.raw(':');
            value(out, entry.getValue());
        }
        out.raw('}');
    }

    private static void array(JsonOutput out, List<?> list) {
        out.raw('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.raw(',');
            }
            value(out, list.get(i));
        }
        out.raw(']');
    }
}
