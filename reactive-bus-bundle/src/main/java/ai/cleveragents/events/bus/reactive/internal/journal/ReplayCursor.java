package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
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

/**
 * Reads the events of a fixed list of segment extents in order, one segment file open at a time. A
 * complete line that is not a record is logged and skipped; an unfinished line is skipped. Segments
 * deleted by retention before they are reached are skipped. Hashes are not checked here (see {@link
 * JournalVerifier}). Not thread-safe; close it.
 */
final class ReplayCursor implements Iterator<DomainEvent>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayCursor.class);

    /** The bytes [start, end) of segment file {@code path}, numbered {@code sequence}, that hold whole lines. */
    record Extent(Path path, long sequence, long start, long end) {

        SegmentFiles.Segment segment() {
            return new SegmentFiles.Segment(path, sequence);
        }

        /** @return the same extent from byte {@code offset} on */
        Extent withStart(long offset) {
            return new Extent(path, sequence, offset, end);
        }

        /** @return the extents from byte {@code offset} of extent {@code index} of {@code extents} to the end */
        static List<Extent> from(List<Extent> extents, int index, long offset) {
            List<Extent> rest = new ArrayList<>(extents.subList(index, extents.size()));
            rest.set(0, rest.get(0).withStart(offset));
            return rest;
        }

        /**
         * @return a reader of this extent's lines; close it (it closes the file)
         * @throws java.nio.file.NoSuchFileException if the segment was deleted (by retention)
         * @throws IOException if the file cannot be opened
         */
        LineReader openLines() throws IOException {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            ch.position(start);
            return new LineReader(new BoundedInputStream(Channels.newInputStream(ch), end - start), start);
        }
    }

    private final List<Extent> extents;
    private final RecordDecoder decoder;
    /** Lines it skips without decoding them, or {@code null}. */
    private final LinePrefilter prefilter;
    private int nextExtent;
    private LineReader reader;
    private Extent current;
    private long lineStart;
    private long lineEnd;
    private JournalRecord next;

    ReplayCursor(List<Extent> extents, EventCodec codec) {
        this(extents, codec, null);
    }

    /**
     * @param prefilter skips lines not wanted without decoding them (and without reporting them
     *                  if they are damaged), or {@code null} to read every line
     */
    ReplayCursor(List<Extent> extents, EventCodec codec, LinePrefilter prefilter) {
        this.extents = List.copyOf(extents);
        this.decoder = new RecordDecoder(codec, false);
        this.prefilter = prefilter;
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
        return nextRecord().event();
    }

    /**
     * @return the next record; {@link #segment()}, {@link #lineStart()} and {@link #lineEnd()} then
     *         describe where it is
     * @throws NoSuchElementException if there is none
     */
    JournalRecord nextRecord() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        JournalRecord record = next;
        next = null;
        return record;
    }

    /** @return the segment of the record last returned */
    SegmentFiles.Segment segment() {
        return current.segment();
    }

    /** @return the offset where the line of the record last returned starts */
    long lineStart() {
        return lineStart;
    }

    /** @return the offset just after the line of the record last returned */
    long lineEnd() {
        return lineEnd;
    }

    @Override
    public void close() {
        closeReader();
        nextExtent = extents.size();
    }

    private JournalRecord advance() {
        try {
            while (true) {
                if (reader == null && !openNext()) {
                    return null;
                }
                JournalRecord record = readOne();
                if (record != null) {
                    return record;
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot read journal segment " + current.path() + ": "
                    + IoReasons.of(e), e);
        }
    }

    /** @return the next record of the open segment, or {@code null} (a skipped line, or its end) */
    private JournalRecord readOne() throws IOException {
        if (!reader.next()) {
            closeReader();
            return null;
        }
        if (!reader.terminated() || reader.length() == 0) {
            return null;
        }
        if (prefilter != null && !reader.overlong() && prefilter.skips(reader.bytes(), reader.length())) {
            return null;
        }
        if (reader.overlong()) {
            LOG.warn("Skipping a line over {} bytes at offset {} of journal segment {}", LineReader.MAX_LINE,
                    reader.lineStart(), current.path());
            return null;
        }
        try {
            JournalRecord record = decoder.decode(reader.bytes(), reader.length());
            lineStart = reader.lineStart();
            lineEnd = reader.position();
            return record;
        } catch (EventCodecException e) {
            LOG.warn("Skipping an unreadable line at offset {} of journal segment {}: {}", reader.lineStart(),
                    current.path(), e.getMessage());
            return null;
        }
    }

    private boolean openNext() throws IOException {
        while (nextExtent < extents.size()) {
            current = extents.get(nextExtent++);
            try {
                reader = current.openLines();
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
