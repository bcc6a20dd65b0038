package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the lines of one segment extent: each line's bytes (without its line feed, and without a
 * {@code \r} before it), the offset where it starts, and whether a line feed ended it. A line longer
 * than the limit is read to its end but not kept ({@link #overlong()}). Not thread-safe.
 */
final class LineReader implements Closeable {

    /** The longest line a record can have: the largest event plus the journal's fields. */
    static final int MAX_LINE = ai.cleveragents.events.EventLimits.MAX_EVENT_BYTES + 1024;

    private final InputStream in;
    private final byte[] chunk = new byte[8192];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[512];
    private int length;
    private long position;
    private long lineStart;
    private long lineBytes;
    private boolean terminated;

    /** @param in the extent's bytes, starting at {@code start}; closed by {@link #close()} */
    LineReader(InputStream in, long start) {
        this.in = in;
        this.position = start;
    }

    /**
     * @return {@code false} at the end of the input; else a line was read
     * @throws IOException if the input fails
     */
    boolean next() throws IOException {
        length = 0;
        lineBytes = 0;
        lineStart = position;
        terminated = false;
        while (chunkPos < chunkLen || fill()) {
            byte b = chunk[chunkPos++];
            position++;
            if (b == '\n') {
                terminated = true;
                break;
            }
            keep(b);
        }
        if (!terminated && lineBytes == 0) {
            return false;
        }
        if (length > 0 && line[length - 1] == '\r' && lineBytes <= MAX_LINE) {
            length--;
        }
        return true;
    }

    private void keep(byte b) {
        lineBytes++;
        if (lineBytes <= MAX_LINE) {
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE));
            }
            line[length++] = b;
        }
    }

    /** @return the line's bytes, valid until the next call of {@link #next()}; see {@link #length()} */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** @return the offset in the segment where the line starts */
    long lineStart() {
        return lineStart;
    }

    /** @return the offset just after the line (after its line feed, if it has one) */
    long position() {
        return position;
    }

    /** @return {@code true} if a line feed ended the line (else it ran into the end of the input) */
    boolean terminated() {
        return terminated;
    }

    /** @return {@code true} if the line was longer than {@link #MAX_LINE} and is not kept */
    boolean overlong() {
        return lineBytes > MAX_LINE;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        if (n <= 0) {
            return false;
        }
        chunkPos = 0;
        chunkLen = n;
        return true;
    }
}
