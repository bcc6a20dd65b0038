package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Cuts a torn write off the end of a segment: the bytes after its last line feed, which no append ever
 * acknowledged (an append returns only after its whole line, line feed included, was written). A
 * complete line is never cut, whatever it holds: a complete line that is not a record is reported and
 * skipped by readers, never deleted.
 */
final class TailRecovery {

    private static final int CHUNK = 8192;

    private TailRecovery() {
    }

    /**
     * @param segment the segment to repair in place
     * @return how many bytes were cut off
     * @throws IOException if the file cannot be read or truncated
     */
    static long repair(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long end = lineStart(ch, size);
            if (end < size) {
                ch.truncate(end);
                ch.force(false);
            }
            return size - end;
        }
    }

    /** @return the position just after the last line feed before {@code limit}, or 0 if there is none */
    static long lineStart(FileChannel ch, long limit) throws IOException {
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

    static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
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
