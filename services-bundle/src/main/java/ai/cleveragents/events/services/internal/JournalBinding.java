package ai.cleveragents.events.services.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Optional;

import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;

/**
 * A component's journal reference: each journal bound is replayed into an empty ledger on a thread of
 * the component's own (never on the thread that binds it, which may be the framework's start thread or
 * a bus's activation), then what the rebuilt ledger holds and the component's does not is added.
 *
 * <p>The replay starts from the component's snapshot when it has one whose last event is in the journal
 * (else from the journal's first event), and the rebuilt ledger then goes on following the journal as
 * the {@link Projection} that writes the next snapshots.
 *
 * <p>The first journal a component instance sees is its initial state: the replay starts once the
 * changes in progress on a previous instance have ended ({@link Handover}), and every call of the
 * service waits for it ({@link #awaitInitialRebuild()}). A later journal (the bus restarted, a
 * higher-ranked one) is replayed while the service keeps serving; only the adding holds changes back.
 * Thread-safe.
 *
 * @param <L> the ledger type
 */
final class JournalBinding<L extends Ledger<L>> {

    private final String service;
    private final Set<EventType> types;
    private final Handover handover;
    private final L live;
    private final Snapshots snapshots;
    private final ExecutorService executor;
    /** released when the first rebuild has been applied; none is pending until a journal is bound */
    private volatile CountDownLatch initial = new CountDownLatch(0);
    private volatile Rebuild last = Rebuild.none();
    /** guarded by this */
    private boolean seen;
    /** the projection following the journal bound last; guarded by this */
    private Projection<L> projection;
    /** the journal it follows; guarded by this */
    private EventJournal projectionJournal;
    /** guarded by this */
    private boolean closed;

    /**
     * @param service   names the service in log lines and the rebuild thread
     * @param types     the event types the ledger folds
     * @param handover  the component instance's handover
     * @param live      the component's ledger
     * @param snapshots where its snapshots go
     */
    JournalBinding(String service, Set<EventType> types, Handover handover, L live, Snapshots snapshots) {
        this.service = service;
        this.types = Set.copyOf(types);
        this.handover = handover;
        this.live = live;
        this.snapshots = snapshots;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, service + " rebuild");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the replay of a journal now bound, on the rebuild thread. */
    synchronized void bind(EventJournal journal) {
        boolean first = !seen;
        seen = true;
        CountDownLatch done = new CountDownLatch(1);
        if (first) {
            initial = done;
        }
        executor.execute(() -> {
            try {
                last = first ? handover.takeOver(() -> replayAndAdopt(journal)) : replayThenAdopt(journal);
            } finally {
                done.countDown();
            }
        });
    }

    /**
     * A journal went away: the projection following it, if any, stops and writes what its snapshot lacks.
     * After {@link #close()} (SCR unbinds a dynamic reference after deactivating) there is nothing to stop.
     */
    synchronized void unbind(EventJournal journal) {
        if (closed) {
            return;
        }
        executor.execute(() -> {
            synchronized (this) {
                if (projectionJournal != journal) {
                    return;
                }
            }
            stopProjection();
        });
    }
    /**
     * Waits until the first journal bound has been applied; returns at once when none was bound.
     *
     * @throws IllegalStateException if interrupted while waiting
     */
    void awaitInitialRebuild() {
        try {
            initial.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(service + ": interrupted while waiting for its rebuild from the journal", e);
        }
    }

    /** @return the last rebuild's counters, none before a journal was bound */
    Map<String, Long> counters() {
        return last.counters();
    }

    /** @return the problems the last rebuild named */
    List<String> problems() {
        return last.problems();
    }

    /**
     * Waits until the rebuilds started so far have been applied, for tests.
     *
     * @throws InterruptedException if interrupted
     */
    void awaitRebuilds() throws InterruptedException {
        CountDownLatch idle = new CountDownLatch(1);
        executor.execute(idle::countDown);
        idle.await();
    }

    /**
     * Stops the rebuild thread, interrupting a replay in progress, and releases the callers waiting for
     * the first rebuild (changes on a deactivated instance are refused by its {@link Handover}).
     */
    void close() {
        synchronized (this) {
            closed = true;
        }
        executor.shutdownNow();
        initial.countDown();
        stopProjection();
    }

    private Rebuild replayAndAdopt(EventJournal journal) {
        Projection<L> rebuilt = rebuild(journal);
        live.adoptMissing(rebuilt.ledger());
        return follow(rebuilt, journal);
    }

    private Rebuild replayThenAdopt(EventJournal journal) {
        Projection<L> rebuilt = rebuild(journal);
        handover.takeOver(() -> live.adoptMissing(rebuilt.ledger()));
        return follow(rebuilt, journal);
    }

    private Projection<L> rebuild(EventJournal journal) {
        stopProjection();
        Optional<SnapshotFile.Content> snapshot = snapshots.read();
        if (snapshot.isPresent()) {
            L restored = live.emptyCopy();
            try {
                restored.restoreSnapshot(snapshot.get().entries());
                return resume(journal, restored, snapshot.get());
            } catch (SnapshotException e) {
                snapshots.unusable(e);
            }
        }
        return fromStart(journal);
    }

    private Projection<L> fromStart(EventJournal journal) {
        L empty = live.emptyCopy();
        Rebuild rebuild = Rebuild.run(service, journal, types, empty::replay);
        return new Projection<>(service, empty, rebuild, rebuild.lastEventId(), snapshots);
    }

    private Projection<L> resume(EventJournal journal, L restored, SnapshotFile.Content snapshot) {
        String after = snapshot.lastEventId();
        try {
            Rebuild rebuild = Rebuild.run(service, journal, () -> journal.replayFrom(after, types).skip(1),
                    snapshot.entries().size(), restored::replay);
            return new Projection<>(service, restored, rebuild,
                    rebuild.lastEventId() == null ? after : rebuild.lastEventId(), snapshots);
        } catch (IllegalArgumentException e) {
            snapshots.mismatch(after);
            return fromStart(journal);
        }
    }

    private Rebuild follow(Projection<L> rebuilt, EventJournal journal) {
        synchronized (this) {
            if (closed) {
                return rebuilt.rebuild();
            }
            projection = rebuilt;
            projectionJournal = journal;
        }
        rebuilt.follow(journal, types);
        return rebuilt.rebuild();
    }

    private void stopProjection() {
        Projection<L> stopping;
        synchronized (this) {
            stopping = projection;
            projection = null;
            projectionJournal = null;
        }
        if (stopping != null) {
            stopping.close();
        }
    }
}
