package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;
import ai.cleveragents.events.json.JsonLinesReader;

/**
 * Reads the events of a fixed list of segment extents in order, one segment file open at a time. A
 * line that does not decode is logged and skipped. Segments deleted by retention before they are
 * reached are skipped. Not thread-safe; close it.
 */
final class ReplayCursor implements Iterator<DomainEvent>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayCursor.class);

    /** The bytes [start, end) of a segment file that hold whole lines. */
    record Extent(Path path, long start, long end) {
    }

    private final List<Extent> extents;
    private final EventCodec codec;
    private int nextExtent;
    private JsonLinesReader reader;
    private Extent current;
    private long lineStart;
    private DomainEvent next;

    ReplayCursor(List<Extent> extents, EventCodec codec) {
        this.extents = List.copyOf(extents);
        this.codec = codec;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public DomainEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        DomainEvent event = next;
        next = null;
        return event;
    }

    /** @return the extents from the line of the event last returned by {@link #next()} to the end */
    List<Extent> fromLast() {
        List<Extent> rest = new ArrayList<>(extents.subList(nextExtent - 1, extents.size()));
        rest.set(0, new Extent(current.path(), lineStart, current.end()));
        return rest;
    }

    @Override
    public void close() {
        closeReader();
        nextExtent = extents.size();
    }

    private DomainEvent advance() {
        try {
            while (true) {
                if (reader == null && !openNext()) {
                    return null;
                }
                long start = current.start() + reader.position();
                DomainEvent event = readOne();
                if (event != null) {
                    lineStart = start;
                    return event;
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot read journal segment " + current.path(), e);
        }
    }

    /** @return the next event of the open segment, or {@code null} after closing it at its end */
    private DomainEvent readOne() throws IOException {
        try {
            DomainEvent event = reader.next();
            if (event == null) {
                closeReader();
            }
            return event;
        } catch (EventCodecException e) {
            LOG.warn("Skipping an unreadable line in journal segment {}: {}", current.path(), e.getMessage());
            return null;
        }
    }

    private boolean openNext() throws IOException {
        while (nextExtent < extents.size()) {
            current = extents.get(nextExtent++);
            try {
                FileChannel ch = FileChannel.open(current.path(), StandardOpenOption.READ);
                ch.position(current.start());
                InputStream in = new BoundedInputStream(Channels.newInputStream(ch), current.end() - current.start());
                reader = new JsonLinesReader(in, codec);
                return true;
            } catch (NoSuchFileException deletedByRetention) {
                LOG.debug("Journal segment {} was deleted before replay reached it", current.path());
            }
        }
        return false;
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.debug("Closing journal segment {} failed", current.path(), e);
            }
            reader = null;
        }
    }
}
