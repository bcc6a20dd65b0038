package ai.cleveragents.events.services.internal;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.Subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of a service's state folded from the journal alone, kept up to date by a catch-up subscription,
 * from which the snapshot is written: every {@code every} events folded, and when it stops. Built from
 * the journal (which holds events redacted), never from the service's live state, so a snapshot holds
 * exactly what a replay of the journal up to its last event yields, and no secret the journal does not.
 * Thread-safe: events are folded on the subscription's thread, under this object's lock.
 *
 * @param <L> the ledger type
 */
final class Projection<L extends Ledger<L>> {

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);

    private final String service;
    private final L ledger;
    private final Snapshots snapshots;
    private final Rebuild rebuild;
    /** guarded by this */
    private String lastEventId;
    /** guarded by this: events folded since the snapshot was last written */
    private long unsaved;
    private Subscription subscription;
    private EventJournal journal;
    private Set<EventType> types;

    /**
     * @param service     names the service in log lines
     * @param ledger      the state a rebuild folded
     * @param rebuild     that rebuild: its events are not in the snapshot yet
     * @param lastEventId the id of the last event folded into the state (from the journal or the
     *                    snapshot it started from), or {@code null} if none
     * @param snapshots   where snapshots go
     */
    Projection(String service, L ledger, Rebuild rebuild, String lastEventId, Snapshots snapshots) {
        this.service = service;
        this.ledger = ledger;
        this.rebuild = rebuild;
        this.lastEventId = lastEventId;
        this.unsaved = rebuild.events();
        this.snapshots = snapshots;
    }

    L ledger() {
        return ledger;
    }

    Rebuild rebuild() {
        return rebuild;
    }

    /**
     * Writes the snapshot if the rebuild changed anything, then folds every later event of {@code types}
     * from the journal. Does nothing when snapshots are off.
     */
    void follow(EventJournal journal, Set<EventType> types) {
        if (!snapshots.enabled()) {
            return;
        }
        saveIfChanged();
        JournalPosition from;
        synchronized (this) {
            from = lastEventId == null ? JournalPosition.beginning() : JournalPosition.afterEvent(lastEventId);
        }
        this.journal = journal;
        this.types = types;
        try {
            subscription = journal.subscribeFrom(from, types, this::fold);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            LOG.warn("{}: its snapshot is no longer kept up to date: the journal cannot be followed ({})", service,
                    e.getMessage());
        }
    }

    /**
     * Stops following the journal, folds what the subscription had not delivered yet (when the journal
     * is still open), and writes what the snapshot does not hold yet.
     */
    void close() {
        if (subscription != null) {
            subscription.close();
            catchUp();
        }
        saveIfChanged();
    }

    private synchronized void catchUp() {
        try (Stream<DomainEvent> rest = lastEventId == null ? journal.replaySince(Instant.EPOCH, types)
                : journal.replayFrom(lastEventId, types).skip(1)) {
            rest.forEach(this::fold);
        } catch (RuntimeException e) {
            LOG.debug("{}: the snapshot holds the events up to {}: the journal is no longer readable ({})", service,
                    lastEventId, e.getMessage());
        }
    }

    private synchronized void fold(DomainEvent event) {
        try {
            ledger.replay(event);
        } catch (ReplayException e) {
            LOG.debug("{}: the snapshot's copy skipped an event: {}", service, e.getMessage());
        }
        lastEventId = event.eventId();
        if (++unsaved >= snapshots.every()) {
            save();
        }
    }

    private synchronized void saveIfChanged() {
        if (snapshots.enabled() && unsaved > 0 && lastEventId != null) {
            save();
        }
    }

    private void save() {
        if (snapshots.write(ledger.snapshotEntries(), lastEventId)) {
            unsaved = 0;
        }
    }
}
