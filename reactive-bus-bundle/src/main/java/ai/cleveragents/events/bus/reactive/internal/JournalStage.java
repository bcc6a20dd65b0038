package ai.cleveragents.events.bus.reactive.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBatchException;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalReport;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalBatchException;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalException;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalStats;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;
import ai.cleveragents.events.json.EventCodecException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead step of the reactive bus: appends each event to the current journal before dispatch
 * (its details redacted first when redaction at rest is on), and lets a configuration change replace
 * the journal live. Appends hold the read lock, a replacement the write lock, so no append ever meets a
 * journal being closed. Also the {@link EventJournal} reader, always reading the current journal.
 * Thread-safe.
 */
final class JournalStage implements EventJournal {

    private static final Logger LOG = LoggerFactory.getLogger(JournalStage.class);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Written under the write lock of {@link #lock}. */
    private volatile Journal journal;
    /** The redaction policy in force (followed live in OSGi). */
    private final Supplier<DetailRedactor> policy;
    /** {@code journal.redact}: whether events are masked before they are written. */
    private volatile boolean redact;

    /**
     * @param journal the journal
     * @param policy  the redaction policy in force, read for every event
     * @param redact  whether to mask events before writing them ({@code journal.redact})
     */
    JournalStage(Journal journal, Supplier<DetailRedactor> policy, boolean redact) {
        this.journal = journal;
        this.policy = policy;
        this.redact = redact;
    }

    /**
     * @param event   the event, as subscribers receive it
     * @param emitter the emitting bundle
     * @throws EventRejectedException with {@link EventRejectedException.Reason#JOURNAL_FAILURE}, or
     *                                {@link EventRejectedException.Reason#TOO_LARGE} when the journal
     *                                could not read the event back
     */
    void append(DomainEvent event, String emitter) {
        DomainEvent atRest = redacted(event);
        lock.readLock().lock();
        try {
            journal.append(atRest, emitter);
        } catch (EventCodecException | JournalException e) {
            throw rejection("event " + event.eventId(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Appends a batch ({@link Journal#appendAll}).
     *
     * @param events  the events, as subscribers receive them; not empty
     * @param emitter the emitting bundle
     * @throws EventBatchException naming how many events, from the first, the journal made durable,
     *                             with the reason as {@link #append} gives it
     */
    void appendAll(List<DomainEvent> events, String emitter) {
        List<DomainEvent> atRest = redact ? events.stream().map(this::redacted).toList() : events;
        lock.readLock().lock();
        try {
            journal.appendAll(atRest, emitter);
        } catch (JournalBatchException e) {
            throw new EventBatchException(e.durable(), events.size(), rejection("a batch", e.failure()));
        } finally {
            lock.readLock().unlock();
        }
    }

    private static EventRejectedException rejection(String what, RuntimeException e) {
        EventRejectedException.Reason reason = e instanceof EventCodecException
                ? EventRejectedException.Reason.TOO_LARGE : EventRejectedException.Reason.JOURNAL_FAILURE;
        return new EventRejectedException(reason, "the reactive bus journal refused " + what + ": " + e.getMessage(), e);
    }

    private DomainEvent redacted(DomainEvent event) {
        return redact ? policy.get().redact(event) : event;
    }

    JournalSettings settings() {
        return journal.settings();
    }

    /** @param on whether events written from now on are masked */
    void redactAtRest(boolean on) {
        redact = on;
    }

    /**
     * Opens a journal with new settings and switches to it; the old one is closed. If the new one
     * cannot be opened, the old one stays and the error is thrown. In the same directory, whose lock
     * the old journal holds, the old one is closed first (appends wait meanwhile) and reopened if the
     * new one fails.
     */
    void replace(JournalSettings settings) throws IOException {
        if (settings.directory().toAbsolutePath().equals(journal.directory())) {
            replaceInPlace(settings);
            return;
        }
        Journal next = Journal.open(settings);
        Journal old;
        lock.writeLock().lock();
        try {
            old = journal;
            journal = next;
        } finally {
            lock.writeLock().unlock();
        }
        closeQuietly(old);
    }

    private void replaceInPlace(JournalSettings settings) throws IOException {
        lock.writeLock().lock();
        try {
            Journal old = journal;
            closeQuietly(old);
            try {
                journal = Journal.open(settings);
            } catch (IOException e) {
                journal = Journal.open(old.settings());
                throw e;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    void close() {
        lock.writeLock().lock();
        try {
            closeQuietly(journal);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void closeQuietly(Journal j) {
        try {
            j.close();
        } catch (IOException e) {
            LOG.error("reactive bus: closing the journal in {} failed: {}", j.settings().directory(), e.toString());
        }
    }

    Map<String, Long> metrics() {
        JournalStats s = journal.stats();
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("journal.appends", s.appends());
        m.put("journal.fsyncs", s.fsyncs());
        m.put("journal.bytes", s.bytesWritten());
        m.put("journal.lag", s.lag());
        m.put("journal.segments", (long) s.segments());
        m.put("journal.problems", (long) journal.knownProblems().size());
        return m;
    }

    @Override
    public Stream<DomainEvent> replayFrom(String eventId, Set<EventType> types) {
        return journal.replayFrom(eventId, types);
    }

    @Override
    public Stream<DomainEvent> replaySince(Instant from, Set<EventType> types) {
        return journal.replaySince(from, types);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Follows the journal in use now; a replacement of the journal (a new {@code journal.directory} or
     * other journal settings) ends the subscription.
     */
    @Override
    public Subscription subscribeFrom(JournalPosition from, Set<EventType> types, EventHandler handler) {
        return journal.subscribeFrom(from, types, handler);
    }

    /** @return the journal in use now */
    Journal current() {
        return journal;
    }

    @Override
    public Optional<String> lastEventId() {
        return journal.lastEventId();
    }

    @Override
    public JournalReport verify() {
        return journal.verify();
    }

    @Override
    public List<JournalProblem> knownProblems() {
        return journal.knownProblems();
    }
}
