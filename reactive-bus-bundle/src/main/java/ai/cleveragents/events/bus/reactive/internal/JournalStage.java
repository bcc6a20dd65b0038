package ai.cleveragents.events.bus.reactive.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalException;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalStats;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead step of the reactive bus: appends each event to the current journal before dispatch,
 * and lets a configuration change replace the journal live. Appends hold the read lock, a replacement
 * the write lock, so no append ever meets a journal being closed. Also the {@link EventJournal} reader,
 * always reading the current journal. Thread-safe.
 */
final class JournalStage implements EventJournal {

    private static final Logger LOG = LoggerFactory.getLogger(JournalStage.class);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Written under the write lock of {@link #lock}. */
    private volatile Journal journal;

    JournalStage(Journal journal) {
        this.journal = journal;
    }

    /** @throws EventRejectedException with {@link EventRejectedException.Reason#JOURNAL_FAILURE} */
    void append(DomainEvent event) {
        lock.readLock().lock();
        try {
            journal.append(event);
        } catch (JournalException e) {
            throw new EventRejectedException(EventRejectedException.Reason.JOURNAL_FAILURE,
                    "the reactive bus journal refused event " + event.eventId() + ": " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    JournalSettings settings() {
        return journal.settings();
    }

    /**
     * Opens a journal with new settings and switches to it; the old one is closed. If the new one
     * cannot be opened, the old one stays and the error is thrown.
     */
    void replace(JournalSettings settings) throws IOException {
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

    @Override
    public Optional<String> lastEventId() {
        return journal.lastEventId();
    }
}
