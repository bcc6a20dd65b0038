package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The segment being appended to. Writes are whole lines: {@link #size()} always ends on a line
 * boundary. Not thread-safe: the journal calls {@link #write}, {@link #close} under its write lock;
 * {@link #force()} may run concurrently with a write.
 */
final class ActiveSegment implements AutoCloseable {

    private final Path path;
    private final long sequence;
    /** Replaced (under the journal's write lock) when an interrupt closed it behind our back. */
    private volatile FileChannel channel;
    /** End of the last whole line written; read by replays under the journal's write lock. */
    private volatile long size;
    /** Set by {@link #close()}. */
    private volatile boolean closed;
    /** Set when a failed write could not be undone: the segment may end in a partial line. */
    private boolean damaged;

    private ActiveSegment(Path path, long sequence, FileChannel channel, long size) {
        this.path = path;
        this.sequence = sequence;
        this.channel = channel;
        this.size = size;
    }

    /** Creates a new, empty segment file (0600) and makes its directory entry durable. */
    static ActiveSegment create(Path directory, long sequence, String firstEventId) throws IOException {
        Path path = directory.resolve(SegmentFiles.name(sequence, firstEventId));
        FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                SegmentFiles.ownerOnlyFile());
        forceDirectory(directory);
        return new ActiveSegment(path, sequence, channel, 0);
    }

    /** Opens an existing segment to append after its last byte. */
    static ActiveSegment reopen(SegmentFiles.Segment segment) throws IOException {
        FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.WRITE);
        return new ActiveSegment(segment.path(), segment.sequence(), channel, channel.size());
    }

    /** @return whether a failed write could not be undone, so the segment must not be written again */
    boolean damaged() {
        return damaged;
    }

    Path path() {
        return path;
    }

    long sequence() {
        return sequence;
    }

    long size() {
        return size;
    }

    /**
     * Writes one whole line at the end. On failure the segment is truncated back to its previous size,
     * so nothing of the line remains.
     *
     * @throws IOException if the write failed; if undoing it failed too, that failure is suppressed in
     *                     it and {@link #damaged()} is then true
     */
    void write(ByteBuffer line) throws IOException {
        FileChannel ch = openChannel();
        long start = size;
        try {
            long position = start;
            while (line.hasRemaining()) {
                position += ch.write(line, position);
            }
        } catch (IOException e) {
            undo(start, e);
            throw e;
        }
        size = start + line.limit();
    }

    /** Forces written bytes (not metadata beyond what is needed to read them) to storage. */
    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }

    /**
     * Reopens the file if an interrupt closed the channel (a {@link java.nio.channels.ClosedByInterruptException}
     * closes it for every thread); a segment closed through {@link #close()} stays closed.
     */
    void reopenIfClosedByInterrupt() throws IOException {
        openChannel();
    }

    private FileChannel openChannel() throws IOException {
        if (!channel.isOpen() && !closed) {
            channel = FileChannel.open(path, StandardOpenOption.WRITE);
        }
        return channel;
    }

    /** Truncates back to {@code start}; an interrupt that closed the channel must not fail this too. */
    private void undo(long start, IOException failure) {
        boolean interrupted = Thread.interrupted();
        try {
            openChannel().truncate(start);
        } catch (IOException e) {
            damaged = true;
            failure.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

}
