package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;

/**
 * Cuts a torn or garbage tail off a segment: bytes after the last line feed (an incomplete line), and
 * then the last complete line if it does not decode as an event. Everything before stays.
 */
final class TailRecovery {

    private static final int CHUNK = 8192;

    private TailRecovery() {
    }

    /**
     * @param segment the segment to repair in place
     * @param codec   decides whether the last line is an event
     * @return how many bytes were cut off
     * @throws IOException if the file cannot be read or truncated
     */
    static long repair(Path segment, EventCodec codec) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long end = lineStart(ch, size);
            long lastLineStart = end == 0 ? 0 : lineStart(ch, end - 1);
            if (end - 1 > lastLineStart && decode(ch, lastLineStart, end - 1, codec) == null) {
                end = lastLineStart;
            }
            if (end < size) {
                ch.truncate(end);
                ch.force(false);
            }
            return size - end;
        }
    }

    /** @return the position just after the last line feed before {@code limit}, or 0 if there is none */
    private static long lineStart(FileChannel ch, long limit) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        long pos = limit;
        while (pos > 0) {
            int n = (int) Math.min(CHUNK, pos);
            pos -= n;
            buf.clear().limit(n);
            readFully(ch, buf, pos);
            for (int i = n - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
        }
        return 0;
    }

    /**
     * @param segment a segment
     * @param codec   the codec
     * @return the last line of the segment that decodes as an event, or {@code null} if none does
     * @throws IOException if the file cannot be read
     */
    static DomainEvent lastEvent(Path segment, EventCodec codec) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            long end = lineStart(ch, ch.size());
            while (end > 0) {
                long start = lineStart(ch, end - 1);
                DomainEvent event = decode(ch, start, end - 1, codec);
                if (event != null) {
                    return event;
                }
                end = start;
            }
            return null;
        }
    }

    /** @return the event in bytes [from, to), or {@code null} if they are not one */
    private static DomainEvent decode(FileChannel ch, long from, long to, EventCodec codec) throws IOException {
        long length = to - from;
        if (length > codec.maxBytes()) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        readFully(ch, buf, from);
        try {
            return codec.decode(buf.array(), 0, trimCarriageReturn(buf.array()));
        } catch (EventCodecException e) {
            return null;
        }
    }

    private static int trimCarriageReturn(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("segment shrank while being read, at byte " + pos);
            }
            pos += n;
        }
    }
}
