package ai.cleveragents.events.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads one event from a streaming parser: every deviation is an {@link EventCodecException}, except
 * that a tolerant read skips unknown fields (counting them).
 */
final class EventDecoder {

    private final JsonParser p;
    /** Where skipped unknown fields are counted; {@code null} when strict. */
    private final LongAdder skippedFields;
    private String eventId;
    private EventType eventType;
    private Instant timestamp;
    private String correlationId;
    private String planId;
    private String rootPlanId;
    private String sessionId;
    private String actorName;
    private String projectName;
    private Map<String, Object> details = Map.of();

    private EventDecoder(JsonParser p, LongAdder skippedFields) {
        this.p = p;
        this.skippedFields = skippedFields;
    }

    /**
     * @param skippedFields where to count unknown fields skipped, or {@code null} to reject them
     */
    static DomainEvent read(JsonParser p, LongAdder skippedFields) throws IOException {
        return new EventDecoder(p, skippedFields).readEvent();
    }

    private DomainEvent readEvent() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw error("expected a JSON object", null);
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            readField(p.currentName());
        }
        if (t != JsonToken.END_OBJECT) {
            throw error("expected a field name or '}'", null);
        }
        if (p.nextToken() != null) {
            throw error("unexpected content after the event object", null);
        }
        requirePresent(eventId, WireFields.EVENT_ID);
        requirePresent(eventType, WireFields.EVENT_TYPE);
        requirePresent(timestamp, WireFields.TIMESTAMP);
        requirePresent(correlationId, WireFields.CORRELATION_ID);
        try {
            return new DomainEvent(eventId, eventType, timestamp, correlationId, planId, rootPlanId, sessionId,
                    actorName, projectName, details);
        } catch (IllegalArgumentException e) {
            throw new EventCodecException("invalid event: " + e.getMessage(), e);
        }
    }

    private void readField(String name) throws IOException {
        p.nextToken();
        switch (name) {
            case WireFields.EVENT_ID -> eventId = requiredString(name);
            case WireFields.EVENT_TYPE -> eventType = parseType(requiredString(name));
            case WireFields.TIMESTAMP -> timestamp = parseInstant(requiredString(name));
            case WireFields.CORRELATION_ID -> correlationId = requiredString(name);
            case WireFields.PLAN_ID -> planId = optionalString(name);
            case WireFields.ROOT_PLAN_ID -> rootPlanId = optionalString(name);
            case WireFields.SESSION_ID -> sessionId = optionalString(name);
            case WireFields.ACTOR_NAME -> actorName = optionalString(name);
            case WireFields.PROJECT_NAME -> projectName = optionalString(name);
            case WireFields.DETAILS -> details = readDetails();
            default -> skipUnknown(name);
        }
    }

    private void skipUnknown(String name) throws IOException {
        if (skippedFields == null) {
            throw error("unknown field '" + name + "'", null);
        }
        p.skipChildren();
        skippedFields.increment();
    }

    private String requiredString(String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error("field '" + field + "' must be a string, got " + describe(p.currentToken()), null);
        }
        return p.getText();
    }

    private String optionalString(String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error("field '" + field + "' must be a string or null, got " + describe(p.currentToken()), null);
        }
        return p.getText();
    }

    private EventType parseType(String id) {
        try {
            return EventType.fromId(id);
        } catch (IllegalArgumentException e) {
            JsonLocation loc = p.currentLocation();
            throw new UnknownEventTypeException(id, "field 'event_type': " + e.getMessage() + " at line "
                    + loc.getLineNr() + ", column " + loc.getColumnNr());
        }
    }

    private Instant parseInstant(String text) {
        try {
            return IsoInstant.parse(text);
        } catch (DateTimeParseException e) {
            throw error("field 'timestamp' is not an ISO-8601 UTC instant: '" + text + "'", e);
        }
    }

    private Map<String, Object> readDetails() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error("field 'details' must be an object, got " + describe(p.currentToken()), null);
        }
        return readObject();
    }

    private Map<String, Object> readObject() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, readValue());
        }
        return map;
    }

    private List<Object> readArray() throws IOException {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(readValue());
        }
        return list;
    }

    private Object readValue() throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw error("unexpected end of input", null);
        }
        return switch (t) {
            case START_OBJECT -> readObject();
            case START_ARRAY -> readArray();
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> decimalValue();
            default -> throw error("unexpected " + describe(t), null);
        };
    }

    /** The exact value of a floating number; a zero as a double, since BigDecimal has no -0.0. */
    private Object decimalValue() throws IOException {
        BigDecimal value = p.getDecimalValue();
        if (value.signum() == 0) {
            return p.getText().startsWith("-") ? -0.0d : 0.0d;
        }
        return value;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw new EventCodecException("missing required field '" + field + "'", null);
        }
    }

    private EventCodecException error(String what, Throwable cause) {
        JsonLocation loc = p.currentLocation();
        return new EventCodecException(what + " at line " + loc.getLineNr() + ", column " + loc.getColumnNr(), cause);
    }
}
