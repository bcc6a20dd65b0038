package ai.cleveragents.events.bus.reactive.internal.journal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import ai.cleveragents.events.dispatch.Emitters;

/**
 * The layout of one journal line: the event's wire JSON with the journal's fields before its own,
 *
 * <pre>{"seq":42,"prev":"&lt;base64url&gt;","emitter":"&lt;bsn/version&gt;","event_id":…,…,"details":{…}}</pre>
 *
 * {@code seq} numbers records from 1 across segments, {@code emitter} names the emitting bundle, and
 * {@code prev} is the SHA-256 of the record before: of all the bytes of its line except the line feed,
 * in unpadded base64url (43 characters; 43 {@code A}s, the encoding of 32 zero bytes, for the first
 * record). The event's own fields stay exactly as the wire format writes them, so {@code jq} reads a
 * journal line as an event with three more fields. A line carries no hash of its own: the next record's
 * {@code prev} seals it, and the last record is sealed by the head hash that verification reports.
 * Stateless.
 */
final class RecordFormat {

    /** Length of a SHA-256 in unpadded base64url. */
    static final int HASH_CHARS = 43;
    /** The {@code prev} of the very first record: 32 zero bytes. */
    static final String NO_PREV = "A".repeat(HASH_CHARS);

    private static final byte[] SEQ = ascii("{\"seq\":");
    private static final byte[] PREV = ascii(",\"prev\":\"");
    private static final byte[] EMITTER = ascii("\",\"emitter\":\"");
    private static final byte[] LEGACY = ascii("{\"event_id\":");

    private RecordFormat() {
    }

    /**
     * @return the whole record line, ending in a line feed: {@code {"seq":…,"prev":"…","emitter":"…",}
     *         followed by the event JSON without its opening brace
     */
    static byte[] line(long seq, byte[] prev, byte[] emitter, byte[] eventJson) {
        int digits = digits(seq);
        int bodyLength = eventJson.length - 1;
        byte[] line = new byte[SEQ.length + digits + PREV.length + HASH_CHARS + EMITTER.length
                + emitter.length + 2 + bodyLength + 1];
        int p = put(line, 0, SEQ);
        p = putDigits(line, p, seq, digits);
        p = put(line, p, PREV);
        p = put(line, p, prev);
        p = put(line, p, EMITTER);
        p = put(line, p, emitter);
        line[p++] = '"';
        line[p++] = ',';
        System.arraycopy(eventJson, 1, line, p, bodyLength);
        line[line.length - 1] = '\n';
        return line;
    }

    /**
     * Splits a line (without its line feed) into the journal's fields and the event's JSON. The line
     * is changed in place: the event's JSON is {@code line[eventStart, eventEnd)} until {@link
     * Parsed#restore()} is called.
     *
     * @return the parts, or {@code null} if the line does not have the layout
     */
    static Parsed parse(byte[] line, int length) {
        if (startsWith(line, length, 0, LEGACY)) {
            return new Parsed(line, 0, null, null, 0, length, -1);
        }
        if (length < SEQ.length + 1 + PREV.length + HASH_CHARS + EMITTER.length + 4
                || !startsWith(line, length, 0, SEQ)) {
            return null;
        }
        int p = SEQ.length;
        long seq = 0;
        int digits = 0;
        while (p < length && line[p] >= '0' && line[p] <= '9' && digits < 18) {
            seq = seq * 10 + (line[p++] - '0');
            digits++;
        }
        if (digits == 0 || !startsWith(line, length, p, PREV) || !isBase64Url(line, length, p + PREV.length)) {
            return null;
        }
        String prev = ascii(line, p + PREV.length, HASH_CHARS);
        p += PREV.length + HASH_CHARS;
        if (!startsWith(line, length, p, EMITTER)) {
            return null;
        }
        int emitterStart = p + EMITTER.length;
        int q = emitterStart;
        while (q < length && Emitters.isAllowed(line[q])) {
            q++;
        }
        if (q + 3 > length || line[q] != '"' || line[q + 1] != ',' || line[length - 1] != '}') {
            return null;
        }
        String emitter = ascii(line, emitterStart, q - emitterStart);
        int eventStart = q + 1;
        line[eventStart] = '{';
        return new Parsed(line, seq, prev, emitter, eventStart, length, eventStart);
    }

    /** A parsed line. {@code seq} is 0 and {@code prev} {@code null} for a line written by version 1.0. */
    record Parsed(byte[] line, long seq, String prev, String emitter, int eventStart, int eventEnd, int openBrace) {

        boolean isLegacy() {
            return prev == null;
        }

        /** Puts back the byte {@link RecordFormat#parse} changed. */
        void restore() {
            if (openBrace >= 0) {
                line[openBrace] = ',';
            }
        }
    }

    private static boolean isBase64Url(byte[] line, int length, int from) {
        if (from + HASH_CHARS > length) {
            return false;
        }
        for (int i = from; i < from + HASH_CHARS; i++) {
            byte b = line[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '-' || b == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] line, int length, int at, byte[] prefix) {
        return at >= 0 && at + prefix.length <= length
                && Arrays.equals(line, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** @return how many decimal digits {@code n} (at least 1) has */
    private static int digits(long n) {
        int d = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            d++;
        }
        return d;
    }

    /** Writes the {@code digits} decimal digits of {@code n} at {@code at}, without allocating. */
    private static int putDigits(byte[] line, int at, long n, int digits) {
        long rest = n;
        for (int i = at + digits - 1; i >= at; i--) {
            line[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + digits;
    }

    private static int put(byte[] line, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, line, at, bytes.length);
        return at + bytes.length;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String ascii(byte[] b) {
        return ascii(b, 0, b.length);
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.US_ASCII);
    }
}
