package ai.cleveragents.events.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

import ai.cleveragents.events.DomainEvent;

/**
 * Reads events from JSON Lines: one event per line, lines ended by {@code \n} (a preceding {@code \r}
 * is ignored), empty lines skipped. A line is never buffered beyond the codec's
 * {@linkplain EventCodec#maxBytes() limit}: a longer one is skipped to its end and reported.
 *
 * <p>After a line fails to decode, its bytes have been consumed: the caller may log the error and call
 * {@link #next()} again to go on with the following line. Not thread-safe.
 */
public final class JsonLinesReader implements Closeable {

    /** The largest array a JVM reliably allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final InputStream in;
    private final EventCodec codec;
    private final byte[] chunk = new byte[8192];
    /** How many bytes of a line are kept: the limit plus one for a {@code \r} before the {@code \n}. */
    private final int capacity;
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[256];
    private long lineNumber;
    private long position;
    private long skippedEvents;

    /**
     * @param in    the input, read with internal buffering; closed by {@link #close()}
     * @param codec the codec deciding the line limit
     */
    public JsonLinesReader(InputStream in, EventCodec codec) {
        this.in = Objects.requireNonNull(in, "in");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.capacity = (int) Math.min(codec.maxBytes() + 1L, MAX_ARRAY);
    }

    /**
     * @return the next event, or {@code null} at the end of the input
     * @throws EventCodecException if the next non-empty line is not a valid event; the message starts
     *                             with {@code line N:}. With a {@linkplain EventCodec#tolerant() tolerant}
     *                             codec, lines of an unknown event type are skipped and counted instead
     * @throws IOException         if the input fails
     */
    public DomainEvent next() throws IOException {
        while (true) {
            int length = readLine();
            if (length < 0) {
                return null;
            }
            if (length == 0) {
                continue;
            }
            try {
                return codec.decode(line, 0, length);
            } catch (UnknownEventTypeException e) {
                if (!codec.isTolerant()) {
                    throw new EventCodecException("line " + lineNumber + ": " + e.getMessage(), e);
                }
                skippedEvents++;
            } catch (EventCodecException e) {
                throw new EventCodecException("line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * @return how many lines a tolerant codec's reader skipped because their event type is unknown
     * @since 1.1
     */
    public long skippedEvents() {
        return skippedEvents;
    }

    /** @return the number of the line last read, from 1 */
    public long lineNumber() {
        return lineNumber;
    }

    /** @return how many bytes of the input have been consumed, up to the end of the line last read */
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads one line into {@link #line}; returns its length without terminator, or -1 at the end. */
    private int readLine() throws IOException {
        int length = 0;
        long total = 0;
        boolean any = false;
        byte last = 0;
        while (true) {
            if (chunkPos == chunkLen && !fill()) {
                if (!any) {
                    return -1;
                }
                break;
            }
            any = true;
            byte b = chunk[chunkPos++];
            position++;
            if (b == '\n') {
                break;
            }
            total++;
            last = b;
            if (total <= capacity) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, (int) Math.min(line.length * 2L, capacity));
                }
                line[length++] = b;
            }
        }
        lineNumber++;
        if (last == '\r') {
            total--;
            length = (int) Math.min(length, total);
        }
        if (total > codec.maxBytes()) {
            throw new EventCodecException("line " + lineNumber + ": " + codec.tooLarge(total).getMessage(), null);
        }
        return length;
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
