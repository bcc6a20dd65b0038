package ai.cleveragents.events.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventLimits;
import ai.cleveragents.events.EventType;

/**
 * Reads the plain shape of an event, the one this codec writes, straight from well-formed UTF-8 bytes,
 * without a Jackson parser: the ten known fields once each, strings without escape sequences, integers
 * that fit 18 digits, {@code true}, {@code false}, {@code null}, nested objects and arrays, JSON
 * whitespace. Anything else (an escape, a fraction or exponent, an unknown or repeated field or key, a
 * syntax error, an invalid value) makes it give up and return {@code null}; the caller then decodes
 * the same bytes with the full decoder, which gives the result or the precise error. So what this class
 * accepts is a subset of what the full decoder accepts, decoded to an equal event, and every error
 * message stays the full decoder's.
 */
final class PlainEventReader {

    private static final String[] NAMES = {WireFields.EVENT_ID, WireFields.EVENT_TYPE, WireFields.TIMESTAMP,
        WireFields.CORRELATION_ID, WireFields.PLAN_ID, WireFields.ROOT_PLAN_ID, WireFields.SESSION_ID,
        WireFields.ACTOR_NAME, WireFields.PROJECT_NAME, WireFields.DETAILS};
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];
    private static final int DETAILS = NAMES.length - 1;
    /** The four required fields are the first four. */
    private static final int REQUIRED = 0b1111;
    /** Nested maps and lists left to the full decoder beyond this (its own limit is higher). */
    private static final int MAX_DEPTH = 16;
    private static final int MAX_DIGITS = 18;
    private static final int MAX_KEY_BYTES = EventLimits.MAX_KEY_LENGTH;
    /** Thrown to give up; no stack trace, one instance. */
    private static final RuntimeException GIVE_UP = new RuntimeException("not plain", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    static {
        for (int i = 0; i < NAMES.length; i++) {
            NAME_BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final byte[] b;
    private final int end;
    private int p;
    private final String[] strings = new String[DETAILS];
    private Map<String, Object> details = Map.of();
    private int seen;
    /** Whether the last string read had a byte above 0x7f. */
    private boolean nonAscii;

    private PlainEventReader(byte[] b, int offset, int length) {
        this.b = b;
        this.p = offset;
        this.end = offset + length;
    }

    /**
     * @param utf8 well-formed UTF-8 (checked by the caller)
     * @return the event, or {@code null} if the input is not in the plain shape or not a valid event
     */
    static DomainEvent read(byte[] utf8, int offset, int length) {
        try {
            return new PlainEventReader(utf8, offset, length).event();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null; // an invalid value: the full decoder reports it
        } catch (RuntimeException e) {
            if (e == GIVE_UP) {
                return null;
            }
            throw e;
        }
    }

    private DomainEvent event() {
        expect('{');
        do {
            int field = fieldName();
            if ((seen & 1 << field) != 0) {
                throw GIVE_UP;
            }
            seen |= 1 << field;
            if (field == DETAILS) {
                details = object(1);
            } else {
                strings[field] = stringOrNull();
            }
        } while (separator('}'));
        skipWhitespace();
        if (p != end || (seen & REQUIRED) != REQUIRED || strings[0] == null || strings[1] == null
                || strings[2] == null || strings[3] == null) {
            throw GIVE_UP;
        }
        EventType type = EventType.fromId(strings[1]);
        Instant timestamp = IsoInstant.parse(strings[2]);
        return new DomainEvent(strings[0], type, timestamp, strings[3], strings[4], strings[5], strings[6],
                strings[7], strings[8], details);
    }

    /** @return the known field's index; its name, the colon and the whitespace around them consumed */
    private int fieldName() {
        skipWhitespace();
        int start = p + 1;
        int stop = stringEnd();
        for (int i = 0; i < NAMES.length; i++) {
            byte[] name = NAME_BYTES[i];
            if (Arrays.equals(b, start, stop, name, 0, name.length)) {
                colon();
                return i;
            }
        }
        throw GIVE_UP;
    }

    private void colon() {
        skipWhitespace();
        expect(':');
        skipWhitespace();
    }

    /** @return {@code true} after a comma, {@code false} after {@code close} */
    private boolean separator(char close) {
        skipWhitespace();
        byte c = next();
        if (c == ',') {
            return true;
        }
        if (c != close) {
            throw GIVE_UP;
        }
        return false;
    }

    private String stringOrNull() {
        if (peek() == 'n') {
            literal("null");
            return null;
        }
        return string();
    }

    private Object value(int depth) {
        return switch (peek()) {
            case '"' -> string();
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> integer();
        };
    }

    private Map<String, Object> object(int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            p++;
            return map;
        }
        int size = 0;
        do {
            skipWhitespace();
            int start = p;
            String key = string();
            if (p - start - 2 > MAX_KEY_BYTES) {
                throw GIVE_UP;
            }
            colon();
            map.put(key, value(depth));
            if (map.size() != ++size) {
                throw GIVE_UP; // a repeated key
            }
        } while (separator('}'));
        return map;
    }

    private List<Object> array(int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        expect('[');
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            p++;
            return list;
        }
        do {
            skipWhitespace();
            list.add(value(depth));
        } while (separator(']'));
        return list;
    }

    /** @return the string starting at {@code p}, which must hold no escape and no control character */
    private String string() {
        int start = p + 1;
        int stop = stringEnd();
        return new String(b, start, stop - start, nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /**
     * Consumes a string token, noting in {@link #nonAscii} whether it holds a byte above 0x7f.
     *
     * @return the index of its closing quote
     */
    private int stringEnd() {
        if (peek() != '"') {
            throw GIVE_UP;
        }
        int high = 0;
        for (int i = p + 1; i < end; i++) {
            int c = b[i] & 0xff;
            if (c == '"') {
                p = i + 1;
                nonAscii = high >= 0x80;
                return i;
            }
            if (c == '\\' || c < 0x20) {
                throw GIVE_UP;
            }
            high |= c;
        }
        throw GIVE_UP;
    }

    private Object literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (next() != word.charAt(i)) {
                throw GIVE_UP;
            }
        }
        int c = peek();
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            throw GIVE_UP; // e.g. "nullx": the full decoder names the bad token
        }
        return word.equals("null") ? null : Boolean.valueOf(word.equals("true"));
    }

    /** An integer of at most 18 digits in JSON's grammar (no leading zero), as a Long. */
    private Long integer() {
        boolean negative = peek() == '-';
        if (negative) {
            p++;
        }
        int start = p;
        long value = 0;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            value = value * 10 + (b[p++] - '0');
        }
        int digits = p - start;
        int c = peek();
        if (digits == 0 || digits > MAX_DIGITS || (b[start] == '0' && digits > 1) || c == '.' || c == 'e'
                || c == 'E') {
            throw GIVE_UP;
        }
        return negative ? -value : value;
    }

    private void skipWhitespace() {
        while (p < end && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
            p++;
        }
    }

    private void expect(char c) {
        skipWhitespace();
        if (next() != c) {
            throw GIVE_UP;
        }
    }

    /** @return the byte at {@code p}, or -1 at the end */
    private int peek() {
        return p < end ? b[p] : -1;
    }

    private byte next() {
        if (p >= end) {
            throw GIVE_UP;
        }
        return b[p++];
    }
}
