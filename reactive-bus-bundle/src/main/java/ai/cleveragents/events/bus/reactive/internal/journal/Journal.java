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
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalReport;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;
import ai.cleveragents.events.dispatch.Emitters;

/**
 * A write-ahead audit journal: events appended as JSON Lines records ({@link RecordFormat}: the
 * {@link EventCodec} wire format plus a sequence number, the emitting bundle and a SHA-256 hash chain)
 * to segment files {@code events-<sequence>-<first-event-id>.jsonl} (0600) in one directory (0700),
 * rotated by size, deleted by age and total size, replayable while being written, and verifiable.
 *
 * <p>{@link #append} returns once the event is durable per the {@link Durability} policy. Appends are
 * thread-safe and keep the order in which appending threads took the write lock (so events from one
 * thread stay in order); that order is the sequence number order. Reads never block writers for longer
 * than it takes to list the directory. The journal holds an exclusive lock on its directory while open
 * ({@link JournalLock}). Opening recovers from a crash: an unfinished line at the end of the last
 * segment is cut off and reported once at WARN level; complete lines are never removed; gaps between
 * segments are reported ({@link #knownProblems()}).
 */
public final class Journal implements EventJournal, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    /** The most a batch writes at once. */
    static final int CHUNK_BYTES = 1 << 20;

    private final JournalSettings settings;
    /** The absolute form of the settings' directory. */
    private final Path directory;
    private final EventCodec codec = new EventCodec();
    private final Retention retention;
    private final GroupCommitter committer;
    private final AtomicInteger writing = new AtomicInteger();
    private final JournalCounters counters;
    private final SegmentReplay replay;
    private final JournalLock lock;
    private final List<JournalProblem> knownProblems;
    /** Raised when records become readable for catch-up subscriptions, or the journal closes. */
    private final DurableSignal readableSignal = new DurableSignal();
    /** The sequence number of the last record found on opening: record numbers continue from it. */
    private final long openedAtSeq;
    private final CatchUpReader catchUp;
    /** Set once {@link #close()} has made every record durable; read by catch-up subscriptions. */
    private volatile boolean closedForReaders;

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
    /** Guarded by {@link #writeLock}: where the next record links to. */
    private final RecordChain chain;

    private Journal(JournalSettings settings, Path directory, JournalLock lock, JournalDirectory.Recovered recovered) {
        this.settings = settings;
        this.directory = directory;
        this.lock = lock;
        this.counters = new JournalCounters(recovered.truncatedBytes(), recovered.lastEventId(),
                readableSignal::advanced);
        this.openedAtSeq = recovered.lastSeq();
        this.chain = new RecordChain(recovered.lastSeq(), recovered.lastHash());
        this.knownProblems = List.copyOf(recovered.problems());
        this.retention = new Retention(settings.retentionMaxAge(), settings.retentionMaxBytes(),
                settings.segmentMaxBytes());
        this.committer = new GroupCommitter(this::forceWritten, writing, counters::lag,
                settings.groupIntervalMillis(), settings.groupMaxEvents());
        this.replay = new SegmentReplay(directory, codec, this::snapshot);
        this.catchUp = new CatchUpReader(directory, codec, readableSignal, this::readableSequence,
                () -> closedForReaders, this::snapshot, this::activeExtent);
    }

    /**
     * Opens the journal in {@code settings.directory()}, creating the directory (0700) if it is
     * missing, locking it, repairing an unfinished last line, checking the sequence between segments,
     * and applying retention.
     *
     * @param settings the settings
     * @return the open journal
     * @throws IOException if the directory cannot be created, is not a directory or is not writable,
     *                     another journal holds it, or the segments cannot be read; the message names
     *                     the path and the reason (and the holder of the lock)
     */
    public static Journal open(JournalSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Path dir = JournalDirectory.prepare(settings.directory());
        JournalLock lock = JournalLock.acquire(dir);
        try {
            List<SegmentFiles.Segment> found = listSegments(dir);
            JournalDirectory.Recovered recovered = JournalDirectory.recover(found, new EventCodec());
            Journal journal = new Journal(settings, dir, lock, recovered);
            journal.resume(found);
            return journal;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static List<SegmentFiles.Segment> listSegments(Path dir) throws IOException {
        try {
            return SegmentFiles.list(dir);
        } catch (IOException e) {
            throw new IOException("cannot list journal directory " + dir + ": " + IoReasons.of(e), e);
        }
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
     * Appends an event emitted outside any bundle ({@link Emitters#UNKNOWN}).
     *
     * @see #append(DomainEvent, String)
     */
    public void append(DomainEvent event) {
        append(event, Emitters.UNKNOWN);
    }

    /**
     * Appends an event and returns once it is durable per the {@link Durability} policy:
     * {@code NONE} once written to the operating system, {@code GROUP} once an {@code fsync} covering
     * it has completed (shared with concurrent appends), {@code ALWAYS} after its own {@code fsync}.
     * Thread-safe; the calling thread's interrupt status is kept but does not abort the append.
     *
     * @param event   the event
     * @param emitter the emitting bundle, as made by {@link Emitters#of}
     * @throws NullPointerException if an argument is {@code null}
     * @throws ai.cleveragents.events.json.EventCodecException if the event encodes to more than
     *                              {@link ai.cleveragents.events.EventLimits#MAX_EVENT_BYTES}; nothing
     *                              was written
     * @throws JournalException     if the event could not be made durable; it must be treated as not
     *                              written
     */
    public void append(DomainEvent event, String emitter) {
        Objects.requireNonNull(event, "event");
        byte[] emitterBytes = emitterBytes(Objects.requireNonNull(emitter, "emitter"));
        byte[] json = codec.encodeToBytes(event);
        try {
            durably(() -> write(event.eventId(), emitterBytes, json));
        } catch (IOException e) {
            throw new JournalException("cannot make event " + event.eventId() + " durable in journal "
                    + directory + ": " + e.getMessage(), e);
        }
    }

    /** Writes under the write lock and returns the sequence number of the last record written. */
    @FunctionalInterface
    private interface Write {
        long run() throws IOException;
    }

    /**
     * Runs a write (which counts itself out of {@link #writing} once it holds the lock) and, under
     * {@code GROUP}, waits for the group commit covering it. The calling thread's interrupt status is
     * kept but does not abort the wait.
     */
    private void durably(Write write) throws IOException {
        boolean interrupted = Thread.interrupted();
        writing.incrementAndGet();
        try {
            long sequence = write.run();
            if (settings.durability() == Durability.GROUP) {
                committer.awaitDurable(sequence);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Appends events as one batch and returns once all are durable per the {@link Durability} policy:
     * the records are written with as few writes as the segment size allows (at most {@value
     * #CHUNK_BYTES} bytes each) and made durable by one {@code fsync} under {@code GROUP} (shared with
     * concurrent appends) and {@code ALWAYS}, besides the one forcing a segment when the batch crosses
     * into the next. Records of one batch are consecutive in the journal.
     *
     * @param events  the events, not empty
     * @param emitter the emitting bundle, as made by {@link Emitters#of}
     * @throws JournalBatchException if not every event was made durable; it says how many, from the
     *                               first, were. An event the journal could not read back fails the
     *                               batch before anything is written.
     */
    public void appendAll(List<DomainEvent> events, String emitter) {
        byte[] emitterBytes = emitterBytes(Objects.requireNonNull(emitter, "emitter"));
        Batch batch = new Batch(events, encodeAll(events));
        try {
            durably(() -> writeAll(emitterBytes, batch));
        } catch (IOException e) {
            int durable = batch.durable();
            throw new JournalBatchException(durable, new JournalException("cannot make events " + (durable + 1)
                    + ".." + events.size() + " of a batch of " + events.size() + " (the first " + batch.id(durable)
                    + ") durable in journal " + directory + ": " + e.getMessage(), e));
        }
    }

    private byte[][] encodeAll(List<DomainEvent> events) {
        byte[][] json = new byte[events.size()][];
        for (int i = 0; i < json.length; i++) {
            try {
                json[i] = codec.encodeToBytes(events.get(i));
            } catch (EventCodecException e) {
                throw new JournalBatchException(0, new EventCodecException("event " + (i + 1) + " of a batch of "
                        + json.length + " (" + events.get(i).eventId() + "): " + e.getMessage(), e));
            }
        }
        return json;
    }

    /** A batch being written: how far it got. */
    private final class Batch {
        private final List<DomainEvent> events;
        private final byte[][] json;
        /** Guarded by the write lock: the sequence number of the batch's first record. */
        private long firstSequence;
        /** Guarded by the write lock: records written. */
        private int written;

        Batch(List<DomainEvent> events, byte[][] json) {
            this.events = events;
            this.json = json;
        }

        /** @return how many records of the batch, from the first, are durable per the policy */
        int durable() {
            if (settings.durability() == Durability.NONE || written == 0) {
                return written;
            }
            return (int) Math.max(0, Math.min(written, counters.durableSequence() - firstSequence + 1));
        }

        String id(int index) {
            return events.get(index).eventId();
        }

        int size() {
            return json.length;
        }
    }

    /** @return the sequence number of the batch's last record */
    private long writeAll(byte[] emitter, Batch batch) throws IOException {
        writeLock.lock();
        try {
            writing.decrementAndGet();
            checkWritable();
            batch.firstSequence = counters.writtenSequence() + 1;
            RecordChain.Sealed next = chain.seal(emitter, batch.json[0]);
            while (next != null) {
                if (active == null || (active.size() > 0
                        && active.size() + next.line().length > settings.segmentMaxBytes())) {
                    rotate(batch.id(batch.written));
                }
                next = writeChunk(emitter, batch, next);
            }
            if (settings.durability() == Durability.ALWAYS) {
                forceActive();
                counters.durable(counters.writtenSequence(), counters.lastWrittenId());
            } else if (settings.durability() == Durability.NONE) {
                readableSignal.advanced();
            }
            return counters.writtenSequence();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes, with one write, the records from {@code first} on that fit in the active segment and in
     * {@value #CHUNK_BYTES} bytes (at least one).
     *
     * @return the next record, sealed, or {@code null} when the batch is written
     */
    private RecordChain.Sealed writeChunk(byte[] emitter, Batch batch, RecordChain.Sealed first) throws IOException {
        RecordChain.Position start = chain.position();
        long room = Math.min(CHUNK_BYTES, settings.segmentMaxBytes() - active.size());
        List<byte[]> lines = new ArrayList<>();
        int bytes = 0;
        RecordChain.Sealed next = first;
        while (next != null && (lines.isEmpty() || bytes + next.line().length <= room)) {
            lines.add(next.line());
            bytes += next.line().length;
            chain.advance(next);
            int i = batch.written + lines.size();
            next = i < batch.size() ? chain.seal(emitter, batch.json[i]) : null;
        }
        ByteBuffer chunk = ByteBuffer.allocate(bytes);
        lines.forEach(chunk::put);
        try {
            writeBytes(chunk.flip());
        } catch (IOException e) {
            chain.reset(start);
            throw e;
        }
        for (byte[] line : lines) {
            counters.written(batch.id(batch.written++), line.length);
        }
        return next;
    }

    /** The bytes of the emitter last seen: one bus view (one bundle) passes the same string every time. */
    private record EmitterBytes(String name, byte[] bytes) {
    }

    private volatile EmitterBytes lastEmitter = new EmitterBytes(Emitters.UNKNOWN, RecordFormat.ascii(Emitters.UNKNOWN));

    private byte[] emitterBytes(String emitter) {
        EmitterBytes last = lastEmitter;
        if (last.name().equals(emitter)) {
            return last.bytes();
        }
        EmitterBytes next = new EmitterBytes(emitter, RecordFormat.ascii(emitter));
        lastEmitter = next;
        return next.bytes();
    }

    /**
     * Writes the line under the write lock; the caller has counted itself in {@link #writing}, this
     * counts it out once the lock is taken.
     *
     * @return the sequence number of the written event
     */
    private long write(String eventId, byte[] emitter, byte[] json) throws IOException {
        writeLock.lock();
        try {
            writing.decrementAndGet();
            checkWritable();
            RecordChain.Sealed record = chain.seal(emitter, json);
            byte[] line = record.line();
            if (active == null || (active.size() > 0 && active.size() + line.length > settings.segmentMaxBytes())) {
                rotate(eventId);
            }
            writeLine(line);
            chain.advance(record);
            long sequence = counters.written(eventId, line.length);
            if (settings.durability() == Durability.ALWAYS) {
                forceActive();
                counters.durable(sequence, eventId);
            } else if (settings.durability() == Durability.NONE) {
                readableSignal.advanced();
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
        writeBytes(ByteBuffer.wrap(line));
    }

    private void writeBytes(ByteBuffer lines) throws IOException {
        try {
            active.write(lines);
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

    /**
     * {@inheritDoc}
     *
     * <p>Each subscription runs a thread named {@code events-catch-up-<n>} reading this journal's files.
     */
    @Override
    public Subscription subscribeFrom(JournalPosition from, Set<EventType> types, EventHandler handler) {
        return catchUp.subscribe(from, types, handler, CatchUpProgress.NONE);
    }

    /**
     * {@link #subscribeFrom(JournalPosition, Set, EventHandler)}, telling {@code progress} about each
     * record consumed.
     */
    public Subscription subscribeFrom(JournalPosition from, Set<EventType> types, EventHandler handler,
            CatchUpProgress progress) {
        return catchUp.subscribe(from, types, handler, progress);
    }

    /**
     * A catch-up subscription resuming just after {@code checkpoint}; if retention deleted that record,
     * at the oldest record left (the gap is logged).
     *
     * @throws IllegalArgumentException if the checkpoint is not of this journal: its sequence number holds
     *                                  another event or is beyond the last record
     * @see #subscribeFrom(JournalPosition, Set, EventHandler)
     */
    public Subscription resume(Checkpoint checkpoint, Set<EventType> types, EventHandler handler,
            CatchUpProgress progress) {
        return catchUp.resume(checkpoint, types, handler, progress);
    }

    /** @return the sequence number of the last record catch-up subscriptions may deliver */
    private long readableSequence() {
        return openedAtSeq + (settings.durability() == Durability.NONE ? counters.writtenSequence()
                : counters.durableSequence());
    }

    @Override
    public JournalReport verify() {
        return JournalVerifier.verify(snapshot(), codec);
    }

    @Override
    public List<JournalProblem> knownProblems() {
        return knownProblems;
    }

    /** @return the absolute directory this journal lives in */
    public Path directory() {
        return directory;
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
            closeActive();
        } finally {
            lock.close();
            writeLock.unlock();
            closedForReaders = true;
            readableSignal.advanced();
        }
    }

    /** Forces and closes the active segment; called under the write lock, before the lock is released. */
    private void closeActive() throws IOException {
        if (active != null) {
            try (ActiveSegment last = active) {
                last.force();
                counters.fsynced();
                counters.durable(counters.writtenSequence(), counters.lastWrittenId());
            }
        }
    }

    /**
     * The active segment up to its last whole line, if its sequence is {@code segment}: what a catch-up
     * subscription at the end of the journal reads next, without listing the directory under the lock.
     *
     * @return the extent, or {@code null} if {@code segment} is not the active one
     */
    private ReplayCursor.Extent activeExtent(long segment) {
        writeLock.lock();
        try {
            return active != null && nextSegmentSequence - 1 == segment
                    ? new ReplayCursor.Extent(active.path(), segment, 0, active.size()) : null;
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
                extents.add(new ReplayCursor.Extent(s.path(), s.sequence(), 0, end));
            }
            return extents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list journal " + directory + ": " + IoReasons.of(e), e);
        } finally {
            writeLock.unlock();
        }
    }
}
