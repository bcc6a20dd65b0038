package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.json.EventCodec;

/**
 * A write-ahead audit journal: events appended as JSON Lines (the {@link EventCodec} wire format) to
 * segment files {@code events-<sequence>-<first-event-id>.jsonl} (0600) in one directory (0700),
 * rotated by size, deleted by age and total size, and replayable while being written.
 *
 * <p>{@link #append} returns once the event is durable per the {@link Durability} policy. Appends are
 * thread-safe and keep, per segment, the order in which appending threads took the write lock (so
 * events from one thread stay in order). Reads never block writers for longer than it takes to list
 * the directory. Opening recovers from a crash: a torn or garbage tail of the last segment is cut off
 * and reported once at WARN level.
 */
public final class Journal implements EventJournal, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final JournalSettings settings;
    /** The absolute form of the settings' directory. */
    private final Path directory;
    private final EventCodec codec = new EventCodec();
    private final Retention retention;
    private final GroupCommitter committer;
    private final AtomicInteger writing = new AtomicInteger();
    private final JournalCounters counters;
    private final SegmentReplay replay;

    private final ReentrantLock writeLock = new ReentrantLock();
    /** Guarded by {@link #writeLock}; {@code null} until the first append into an empty journal. */
    private ActiveSegment active;
    /** Guarded by {@link #writeLock}. */
    private long nextSegmentSequence;
    /** Guarded by {@link #writeLock}. */
    private int segments;
    /** Guarded by {@link #writeLock}. */
    private boolean closed;
    /** Guarded by {@link #writeLock}: why this journal refuses appends for good, if it does. */
    private IOException failure;

    private Journal(JournalSettings settings, Path directory, JournalCounters counters) {
        this.settings = settings;
        this.directory = directory;
        this.counters = counters;
        this.retention = new Retention(settings.retentionMaxAge(), settings.retentionMaxBytes(),
                settings.segmentMaxBytes());
        this.committer = new GroupCommitter(this::forceWritten, writing, counters::lag,
                settings.groupIntervalMillis(), settings.groupMaxEvents());
        this.replay = new SegmentReplay(directory, codec, this::snapshot);
    }

    /**
     * Opens the journal in {@code settings.directory()}, creating the directory (0700) if it is
     * missing, repairing a torn tail, and applying retention.
     *
     * @param settings the settings
     * @return the open journal
     * @throws IOException if the directory cannot be created, is not a directory or is not writable,
     *                     or the segments cannot be read; the message names the path and the reason
     */
    public static Journal open(JournalSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Path dir = JournalDirectory.prepare(settings.directory());
        List<SegmentFiles.Segment> found = SegmentFiles.list(dir);
        JournalDirectory.Recovered recovered = JournalDirectory.recover(found, new EventCodec());
        Journal journal = new Journal(settings, dir,
                new JournalCounters(recovered.truncatedBytes(), recovered.lastEventId()));
        journal.resume(found);
        return journal;
    }

    private void resume(List<SegmentFiles.Segment> found) throws IOException {
        if (!found.isEmpty()) {
            SegmentFiles.Segment last = found.get(found.size() - 1);
            active = ActiveSegment.reopen(last);
            nextSegmentSequence = last.sequence() + 1;
        }
        segments = retention.apply(found, Instant.now());
    }

    /** @return the settings this journal was opened with, as given */
    public JournalSettings settings() {
        return settings;
    }

    /**
     * Appends an event and returns once it is durable per the {@link Durability} policy:
     * {@code NONE} once written to the operating system, {@code GROUP} once an {@code fsync} covering
     * it has completed (shared with concurrent appends), {@code ALWAYS} after its own {@code fsync}.
     * Thread-safe; the calling thread's interrupt status is kept but does not abort the append.
     *
     * @param event the event
     * @throws NullPointerException if {@code event} is {@code null}
     * @throws JournalException     if the event could not be made durable; it must be treated as not
     *                              written
     */
    public void append(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        boolean interrupted = Thread.interrupted();
        writing.incrementAndGet();
        try {
            long sequence = write(event.eventId(), encodeLine(event));
            if (settings.durability() == Durability.GROUP) {
                committer.awaitDurable(sequence);
            }
        } catch (IOException e) {
            throw new JournalException("cannot make event " + event.eventId() + " durable in journal "
                    + directory + ": " + e.getMessage(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private byte[] encodeLine(DomainEvent event) {
        byte[] json = codec.encodeToBytes(event);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    /**
     * Writes the line under the write lock; the caller has counted itself in {@link #writing}, this
     * counts it out once the lock is taken.
     *
     * @return the sequence number of the written event
     */
    private long write(String eventId, byte[] line) throws IOException {
        writeLock.lock();
        try {
            writing.decrementAndGet();
            checkWritable();
            if (active == null || (active.size() > 0 && active.size() + line.length > settings.segmentMaxBytes())) {
                rotate(eventId);
            }
            writeLine(line);
            long sequence = counters.written(eventId, line.length);
            if (settings.durability() == Durability.ALWAYS) {
                forceActive();
                counters.durable(sequence, eventId);
            }
            return sequence;
        } finally {
            writeLock.unlock();
        }
    }

    private void checkWritable() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (failure != null) {
            throw new IOException("an earlier fsync failed, the journal refuses appends: " + failure.getMessage(),
                    failure);
        }
    }

    private void writeLine(byte[] line) throws IOException {
        try {
            active.write(ByteBuffer.wrap(line));
        } catch (IOException e) {
            if (active.damaged()) {
                failure = e;
            }
            throw new IOException("writing to " + active.path() + " failed: " + e, e);
        }
    }

    private void forceActive() throws IOException {
        try {
            active.force();
            counters.fsynced();
        } catch (IOException e) {
            failure = e;
            throw new IOException("fsync of " + active.path() + " failed: " + e, e);
        }
    }

    /**
     * Forces the active segment and starts a new one named after {@code firstEventId}. If the new one
     * cannot be created, the active one stays in use and the append fails.
     */
    private void rotate(String firstEventId) throws IOException {
        if (active != null) {
            forceActive();
            counters.durable(counters.writtenSequence(), counters.lastWrittenId());
        }
        ActiveSegment next = ActiveSegment.create(directory, nextSegmentSequence, firstEventId);
        nextSegmentSequence++;
        ActiveSegment previous = active;
        active = next;
        segments++;
        if (previous != null) {
            closeRotated(previous);
        }
        try {
            segments = retention.apply(SegmentFiles.list(directory), Instant.now());
        } catch (IOException e) {
            LOG.warn("Journal retention in {} failed, segments are kept: {}", directory, e.toString());
        }
    }

    private static void closeRotated(ActiveSegment previous) {
        try {
            previous.close();
        } catch (IOException e) {
            LOG.warn("Closing rotated journal segment {} failed: {}", previous.path(), e.toString());
        }
    }

    /** The group commit's force: forces the active segment, covering every event written to it. */
    private long forceWritten() throws IOException {
        ActiveSegment segment;
        long sequence;
        String eventId;
        writeLock.lock();
        try {
            if (closed && counters.lag() == 0) {
                return counters.durableSequence();
            }
            checkWritable();
            segment = active;
            segment.reopenIfClosedByInterrupt();
            sequence = counters.writtenSequence();
            eventId = counters.lastWrittenId();
        } finally {
            writeLock.unlock();
        }
        try {
            segment.force();
        } catch (ClosedChannelException rotatedOrClosed) {
            return forceAgain();
        } catch (IOException e) {
            markFailed(e);
            throw new IOException("fsync of " + segment.path() + " failed: " + e, e);
        }
        counters.fsynced();
        counters.durable(sequence, eventId);
        return sequence;
    }

    /**
     * After the segment was closed under a leader: by a rotation (which forced it), by {@link #close()},
     * or by an interrupt of the leader; clears the interrupt so the retry is not closed again.
     */
    private long forceAgain() throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return forceWritten();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void markFailed(IOException e) {
        writeLock.lock();
        try {
            failure = e;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Stream<DomainEvent> replayFrom(String eventId, Set<EventType> types) {
        return replay.from(eventId, types);
    }

    @Override
    public Stream<DomainEvent> replaySince(Instant from, Set<EventType> types) {
        return replay.since(from, types);
    }

    @Override
    public Optional<String> lastEventId() {
        return Optional.ofNullable(settings.durability() == Durability.NONE ? counters.lastWrittenId()
                : counters.lastDurableId());
    }

    /** @return a snapshot of the counters */
    public JournalStats stats() {
        writeLock.lock();
        try {
            return counters.snapshot(segments);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Forces and closes the current segment. Appends waiting for a group commit complete; later
     * appends fail with {@link JournalException}. Idempotent.
     *
     * @throws IOException if the final {@code fsync} or close failed
     */
    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (active != null) {
                try (ActiveSegment last = active) {
                    last.force();
                    counters.fsynced();
                    counters.durable(counters.writtenSequence(), counters.lastWrittenId());
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** The extents to replay: every segment, the active one up to its last whole line. */
    private List<ReplayCursor.Extent> snapshot() {
        writeLock.lock();
        try {
            List<ReplayCursor.Extent> extents = new ArrayList<>();
            for (SegmentFiles.Segment s : SegmentFiles.list(directory)) {
                long end = active != null && s.path().equals(active.path()) ? active.size() : Files.size(s.path());
                extents.add(new ReplayCursor.Extent(s.path(), 0, end));
            }
            return extents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list journal " + directory, e);
        } finally {
            writeLock.unlock();
        }
    }
}
