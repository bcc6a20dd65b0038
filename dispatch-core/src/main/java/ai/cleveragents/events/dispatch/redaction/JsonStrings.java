package ai.cleveragents.events.dispatch.redaction;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a string that holds one JSON object or array into maps and lists, and writes such values back
 * as compact JSON; also reads a command-line value leniently (JSON when it is one JSON value, else the
 * text itself), for the shell. Strings longer than {@value #MAX_CHARS} characters are not read as JSON
 * objects or arrays. Thread-safe.
 */
public final class JsonStrings {

    /** Longest string read as JSON. */
    static final int MAX_CHARS = 1 << 20;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonStrings() {
    }

    /**
     * @param text a string value
     * @return the map or list it holds, or empty if it is not exactly one JSON object or array
     */
    static Optional<Object> read(String text) {
        String trimmed = text.strip();
        if (trimmed.length() < 2 || trimmed.length() > MAX_CHARS
                || !(trimmed.startsWith("{") && trimmed.endsWith("}") || trimmed.startsWith("[") && trimmed.endsWith("]"))) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(trimmed)) {
            Object value = read(parser, parser.nextToken());
            return parser.nextToken() == null ? Optional.of(value) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param text a value typed by a person, such as {@code 3}, {@code true}, {@code null},
     *             {@code "quoted"}, {@code [1,2]}, {@code {"a":1}} or {@code hello}
     * @return the JSON value it spells, or the text itself when it is not exactly one JSON value
     */
    public static Object readLenient(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return text;
            }
            Object value = read(parser, first);
            return parser.nextToken() == null ? value : text;
        } catch (IOException e) {
            return text;
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    map.put(key, read(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /**
     * @param value maps, lists, strings, numbers, booleans and nulls
     * @return its compact JSON text
     */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                generator.writeFieldName(String.valueOf(e.getKey()));
                write(generator, e.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (value instanceof Number number) {
            generator.writeNumber(number.toString());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value == null) {
            generator.writeNull();
        } else {
            generator.writeString(value.toString());
        }
    }
}
