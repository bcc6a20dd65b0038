package ai.cleveragents.events.bus.reactive.internal.journal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import ai.cleveragents.events.dispatch.Emitters;

/**
 * The layout of one journal line: the event's wire JSON with the journal's fields beside its own,
 *
 * <pre>{"seq":42,"prev":"&lt;hex&gt;","emitter":"&lt;bsn/version&gt;","event_id":…,…,"details":{…},"hash":"&lt;hex&gt;"}</pre>
 *
 * {@code seq} numbers records from 1 across segments, {@code prev} is the {@code hash} of the record
 * before (64 zeros for the first), {@code emitter} names the emitting bundle, and {@code hash} is the
 * lowercase hex SHA-256 of the line's bytes up to (not including) {@code ,"hash":}. The event's own
 * fields stay exactly as the wire format writes them, so {@code jq} reads a journal line as an event
 * with three more fields. Stateless.
 */
final class RecordFormat {

    /** Length of a hex SHA-256. */
    static final int HASH_HEX = 64;
    /** The {@code prev} of the very first record. */
    static final String NO_PREV = "0".repeat(HASH_HEX);

    private static final byte[] SEQ = ascii("{\"seq\":");
    private static final byte[] PREV = ascii(",\"prev\":\"");
    private static final byte[] EMITTER = ascii("\",\"emitter\":\"");
    private static final byte[] HASH = ascii(",\"hash\":\"");
    private static final byte[] LEGACY = ascii("{\"event_id\":");
    /** {@code ,"hash":"} + 64 hex + {@code "}} */
    static final int SUFFIX = HASH.length + HASH_HEX + 2;

    private RecordFormat() {
    }

    /**
     * @return the bytes the record's hash covers, followed by room for the suffix and a line feed:
     *         {@code {"seq":…,"prev":"…","emitter":"…",} + the event JSON without its braces
     */
    static byte[] head(long seq, byte[] prevHex, byte[] emitter, byte[] eventJson) {
        int digits = digits(seq);
        int bodyLength = eventJson.length - 2;
        int headLength = SEQ.length + digits + PREV.length + HASH_HEX + EMITTER.length
                + emitter.length + 2 + bodyLength;
        byte[] line = new byte[headLength + SUFFIX + 1];
        int p = put(line, 0, SEQ);
        p = putDigits(line, p, seq, digits);
        p = put(line, p, PREV);
        p = put(line, p, prevHex);
        p = put(line, p, EMITTER);
        p = put(line, p, emitter);
        line[p++] = '"';
        line[p++] = ',';
        System.arraycopy(eventJson, 1, line, p, bodyLength);
        return line;
    }

    /** @return the length of the part of {@code line} (made by {@link #head}) that the hash covers */
    static int hashedLength(byte[] line) {
        return line.length - SUFFIX - 1;
    }

    /** Writes {@code ,"hash":"<hex>"}} and the line feed after the hashed part. */
    static void seal(byte[] line, byte[] hashHex) {
        int p = put(line, hashedLength(line), HASH);
        p = put(line, p, hashHex);
        line[p++] = '"';
        line[p++] = '}';
        line[p] = '\n';
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
            return new Parsed(line, 0, null, null, null, 0, length, -1, -1);
        }
        if (length < SEQ.length + 1 + PREV.length + HASH_HEX + EMITTER.length + 3 + SUFFIX
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
        if (digits == 0 || !startsWith(line, length, p, PREV) || !isHex(line, p + PREV.length)) {
            return null;
        }
        String prev = ascii(line, p + PREV.length, HASH_HEX);
        p += PREV.length + HASH_HEX;
        if (!startsWith(line, length, p, EMITTER)) {
            return null;
        }
        int emitterStart = p + EMITTER.length;
        int q = emitterStart;
        while (q < length && Emitters.isAllowed(line[q])) {
            q++;
        }
        int suffixStart = length - SUFFIX;
        if (q + 2 > suffixStart || line[q] != '"' || line[q + 1] != ','
                || !startsWith(line, length, suffixStart, HASH) || !isHex(line, suffixStart + HASH.length)
                || line[length - 2] != '"' || line[length - 1] != '}') {
            return null;
        }
        String emitter = ascii(line, emitterStart, q - emitterStart);
        String hash = ascii(line, suffixStart + HASH.length, HASH_HEX);
        int eventStart = q + 1;
        line[eventStart] = '{';
        line[suffixStart] = '}';
        return new Parsed(line, seq, prev, hash, emitter, eventStart, suffixStart + 1, eventStart, suffixStart);
    }

    /**
     * A parsed line. {@code seq} is 0 and the hashes {@code null} for a line written by version 1.0
     * (a bare event, no chain).
     */
    record Parsed(byte[] line, long seq, String prev, String hash, String emitter, int eventStart, int eventEnd,
            int openBrace, int closeBrace) {

        boolean isLegacy() {
            return hash == null;
        }

        /** @return the length of the part the hash covers */
        int hashedLength() {
            return closeBrace;
        }

        /** Puts back the two bytes {@link RecordFormat#parse} changed. */
        void restore() {
            if (openBrace >= 0) {
                line[openBrace] = ',';
                line[closeBrace] = ',';
            }
        }
    }

    private static boolean isHex(byte[] line, int from) {
        if (from + HASH_HEX > line.length) {
            return false;
        }
        for (int i = from; i < from + HASH_HEX; i++) {
            byte b = line[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
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

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.US_ASCII);
    }
}
