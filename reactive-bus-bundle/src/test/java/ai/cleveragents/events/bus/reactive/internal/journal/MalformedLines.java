package ai.cleveragents.events.bus.reactive.internal.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.json.EventCodec;

/**
 * A seeded generator of malformed JSON Lines input, built by damaging valid encoded events. Each
 * line has a {@link Kind}; the kinds marked {@code alwaysInvalid} can never decode, the others
 * (a flipped bit inside a string, a huge number in the details, random bytes, odd structure) may
 * happen to stay valid.
 */
final class MalformedLines {

    enum Kind {
        TRUNCATED(true), BYTE_FLIP(false), WRONG_TYPE(true), HUGE_NUMBER(false), DEEP_NESTING(true),
        INVALID_UTF8(true), RANDOM_BYTES(false), ODD_STRUCTURE(false);

        final boolean alwaysInvalid;

        Kind(boolean alwaysInvalid) {
            this.alwaysInvalid = alwaysInvalid;
        }
    }

    record Line(Kind kind, byte[] bytes) {
    }

    private static final String[] WRONG_TYPES = {
        "\"event_type\":42", "\"event_type\":\"no.such.type\"", "\"event_type\":null", "\"timestamp\":true",
        "\"timestamp\":\"yesterday\"", "\"timestamp\":1e308", "\"event_id\":{}", "\"event_id\":\"not-a-ulid\"",
        "\"details\":[]", "\"details\":\"text\"", "\"details\":7", "\"plan_id\":123", "\"plan_id\":[\"p\"]",
        "\"correlation_id\":false", "\"session_id\":{\"a\":1}"};
    private static final String[] HUGE_NUMBERS = {"1e999999999", "-1e-999999999",
        "1" + "0".repeat(400), "-" + "9".repeat(1000), "0." + "1".repeat(2000), "1.7976931348623157e309",
        "NaN", "Infinity", "0x7fffffff", "00012"};
    private static final String[] ODD_STRUCTURES = {"", " ", "null", "[]", "{}", "\"text\"", "42", "true",
        "{\"event_id\":", "}", "{{}}", "{\"a\":1,\"a\":2}", "[{}]"};
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};

    private final Random random;
    private final EventCodec codec = new EventCodec();

    MalformedLines(long seed) {
        this.random = new Random(seed);
    }

    /** @return {@code count} lines, the kinds in rotation, everything else chosen by the seed */
    List<Line> generate(int count) {
        List<Line> lines = new ArrayList<>(count);
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count; i++) {
            Kind kind = kinds[i % kinds.length];
            lines.add(new Line(kind, make(kind, i)));
        }
        return lines;
    }

    /**
     * @return a valid event's line (no line feed), with a few details; its ids and timestamp are derived
     *         from {@code n}, so that the whole output depends on the seed only
     */
    byte[] valid(int n) {
        String id = String.format("01J%023d", n);
        DomainEvent e = DomainEvent.builder(EventType.values()[n % EventType.values().length]).eventId(id)
                .correlationId(id).timestamp(Instant.parse("2026-11-25T12:00:00Z").plusMillis(n)).planId("p-" + n)
                .detail("n", n).detail("text", "caf\u00e9 \u2603 " + n).detail("list", List.of(1, "two", 3.5)).build();
        return codec.encodeToBytes(e);
    }

    private byte[] make(Kind kind, int i) {
        byte[] valid = valid(i);
        String json = new String(valid, StandardCharsets.UTF_8);
        return switch (kind) {
            case TRUNCATED -> Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1));
            case BYTE_FLIP -> flip(valid);
            case WRONG_TYPE -> replaceField(json, WRONG_TYPES[random.nextInt(WRONG_TYPES.length)]);
            case HUGE_NUMBER -> bytes(json.replace("\"n\":" + i, "\"n\":" + HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)]));
            case DEEP_NESTING -> deep(json);
            case INVALID_UTF8 -> invalidUtf8(json);
            case RANDOM_BYTES -> randomBytes();
            case ODD_STRUCTURE -> bytes(ODD_STRUCTURES[random.nextInt(ODD_STRUCTURES.length)]);
        };
    }

    private byte[] flip(byte[] valid) {
        byte[] b = valid.clone();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
    }

    private byte[] replaceField(String json, String replacement) {
        String field = replacement.substring(0, replacement.indexOf(':') + 1);
        int start = json.indexOf(field);
        int end = field.equals("\"details\":") ? json.lastIndexOf('}') : nextFieldEnd(json, start + field.length());
        return bytes(json.substring(0, start) + replacement + json.substring(end));
    }

    /** @return the index of the comma or brace ending the value starting at {@code from} (a flat value) */
    private static int nextFieldEnd(String json, int from) {
        boolean inString = false;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && json.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (c == ',' || c == '}')) {
                return i;
            }
        }
        return json.length();
    }

    private byte[] deep(String json) {
        int depth = EventCodec.MAX_DEPTH + 1 + (random.nextInt(50) == 0 ? 100_000 : random.nextInt(1_000));
        boolean closed = random.nextBoolean();
        String nested = "[".repeat(depth) + (closed ? "]".repeat(depth) : "");
        return bytes(json.replace("\"list\":", "\"list\":" + nested + ",\"x\":"));
    }

    private byte[] invalidUtf8(String json) {
        byte[] before = bytes(json.substring(0, json.indexOf("caf") + 3));
        byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
        byte[] after = bytes(json.substring(json.indexOf("caf") + 3));
        byte[] out = Arrays.copyOf(before, before.length + bad.length + after.length);
        System.arraycopy(bad, 0, out, before.length, bad.length);
        System.arraycopy(after, 0, out, before.length + bad.length, after.length);
        return out;
    }

    private byte[] randomBytes() {
        byte[] b = new byte[1 + random.nextInt(300)];
        random.nextBytes(b);
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
