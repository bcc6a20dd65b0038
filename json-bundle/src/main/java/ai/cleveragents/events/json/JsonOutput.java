package ai.cleveragents.events.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A growable UTF-8 buffer that writes JSON tokens byte for byte as Jackson's default generator did
 * before it (strings escaped the same way: {@code \b \t \n \f \r \" \\}, other control characters and
 * every surrogate as upper-case {@code \}{@code uXXXX}, everything else as UTF-8; numbers as their
 * {@code toString()}), so that the wire format did not change when the encoder stopped creating a
 * generator per event.
 *
 * <p>One per thread ({@link #acquire()}), reused from event to event: encoding writes straight into it
 * and copies the bytes once, into the result or the caller's stream. Not thread-safe.
 */
final class JsonOutput {

    /** Buffers grown past this are not kept for the next event. */
    private static final int KEEP_MAX = 64 * 1024;
    private static final int INITIAL = 1024;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Per ASCII char: 0 written as is, -1 as {@code \}{@code u00XX}, else the char after a backslash. */
    private static final byte[] ESCAPES = new byte[128];
    private static final ThreadLocal<JsonOutput> PER_THREAD = ThreadLocal.withInitial(JsonOutput::new);

    static {
        Arrays.fill(ESCAPES, 0, 0x20, (byte) -1);
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private byte[] buf = new byte[INITIAL];
    private int pos;
    private boolean inUse;

    /**
     * @return this thread's buffer, emptied; a fresh one if this thread's is in use further up the
     *         stack (an output stream that encodes while being written to)
     */
    static JsonOutput acquire() {
        JsonOutput out = PER_THREAD.get();
        if (out.inUse) {
            out = new JsonOutput();
        }
        out.inUse = true;
        out.pos = 0;
        return out;
    }

    /** Gives the buffer back for the next event on this thread. */
    void release() {
        inUse = false;
        if (buf.length > KEEP_MAX) {
            buf = new byte[INITIAL];
        }
    }

    int size() {
        return pos;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, pos);
    }

    /** @return the buffer, with room for {@code n} more bytes at {@link #pos} */
    private byte[] room(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
        return buf;
    }

    void raw(byte[] bytes) {
        System.arraycopy(bytes, 0, room(bytes.length), pos, bytes.length);
        pos += bytes.length;
    }

    void raw(char ascii) {
        room(1)[pos++] = (byte) ascii;
    }

    /** Writes ASCII text that needs no escaping (numbers, literals), without quotes. */
    void ascii(String text) {
        int n = text.length();
        byte[] b = room(n);
        for (int i = 0; i < n; i++) {
            b[pos + i] = (byte) text.charAt(i);
        }
        pos += n;
    }

    /** Writes {@code value} in decimal without going through a String. */
    void number(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        byte[] b = room(20);
        long v = value;
        if (v < 0) {
            b[pos++] = '-';
            v = -v;
        }
        int end = pos + digits(v);
        int p = end;
        do {
            b[--p] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        pos = end;
    }

    private static int digits(long v) {
        int n = 1;
        for (long limit = 10; n < 19 && v >= limit; limit *= 10) {
            n++;
        }
        return n;
    }

    /** Writes a quoted, escaped JSON string. */
    void string(String s) {
        int n = s.length();
        // ASCII needs one byte a char and the quotes; escapes and other chars take the slow path's room
        byte[] b = room(n + 2);
        int p = pos;
        b[p++] = '"';
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || ESCAPES[c] != 0) {
                break;
            }
            b[p++] = (byte) c;
        }
        pos = p;
        if (i < n) {
            rest(s, i);
        }
        raw('"');
    }

    private void rest(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ascii(c);
            } else if (c < 0x800) {
                byte[] b = room(2);
                b[pos++] = (byte) (0xc0 | c >> 6);
                b[pos++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c);
            } else {
                byte[] b = room(3);
                b[pos++] = (byte) (0xe0 | c >> 12);
                b[pos++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[pos++] = (byte) (0x80 | c & 0x3f);
            }
        }
    }

    private void ascii(char c) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
            raw(c);
        } else if (escape > 0) {
            byte[] b = room(2);
            b[pos++] = '\\';
            b[pos++] = escape;
        } else {
            unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        byte[] b = room(6);
        b[pos++] = '\\';
        b[pos++] = 'u';
        b[pos++] = HEX[c >> 12];
        b[pos++] = HEX[c >> 8 & 0xf];
        b[pos++] = HEX[c >> 4 & 0xf];
        b[pos++] = HEX[c & 0xf];
    }

    /** Writes an instant as {@link IsoInstant} formats it, quoted. */
    void instant(Instant t) {
        byte[] b = room(IsoInstant.MAX_FAST_LENGTH + 2);
        b[pos] = '"';
        int end = IsoInstant.formatInto(t, b, pos + 1);
        if (end < 0) {
            string(t.toString());
            return;
        }
        b[end] = '"';
        pos = end + 1;
    }
}
