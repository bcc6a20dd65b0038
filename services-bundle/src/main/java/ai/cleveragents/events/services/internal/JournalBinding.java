package ai.cleveragents.events.services.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;

/**
 * A component's journal reference: each journal bound is replayed into an empty ledger on a thread of
 * the component's own (never on the thread that binds it, which may be the framework's start thread or
 * a bus's activation), then what the rebuilt ledger holds and the component's does not is added.
 *
 * <p>The first journal a component instance sees is its initial state: the replay starts once the
 * changes in progress on a previous instance have ended ({@link Handover}), and every call of the
 * service waits for it ({@link #awaitInitialRebuild()}). A later journal (the bus restarted, a
 * higher-ranked one) is replayed while the service keeps serving; only the adding holds changes back.
 * Thread-safe.
 *
 * @param <L> the ledger type
 */
final class JournalBinding<L> {

    private final String service;
    private final Set<EventType> types;
    private final Handover handover;
    private final Supplier<L> emptyLedger;
    private final BiFunction<L, DomainEvent, Folded> fold;
    private final Consumer<L> adopt;
    private final ExecutorService executor;
    /** released when the first rebuild has been applied; none is pending until a journal is bound */
    private volatile CountDownLatch initial = new CountDownLatch(0);
    private volatile Rebuild last = Rebuild.none();
    /** guarded by this */
    private boolean seen;

    /**
     * @param service     names the service in log lines and the rebuild thread
     * @param types       the event types the fold takes
     * @param handover    the component instance's handover
     * @param emptyLedger makes an empty ledger to replay into
     * @param fold        applies one event to a ledger
     * @param adopt       adds to the component's ledger what a rebuilt one holds and it does not
     */
    JournalBinding(String service, Set<EventType> types, Handover handover, Supplier<L> emptyLedger,
            BiFunction<L, DomainEvent, Folded> fold, Consumer<L> adopt) {
        this.service = service;
        this.types = Set.copyOf(types);
        this.handover = handover;
        this.emptyLedger = emptyLedger;
        this.fold = fold;
        this.adopt = adopt;
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
        executor.shutdownNow();
        initial.countDown();
    }

    private Rebuild replayAndAdopt(EventJournal journal) {
        L rebuilt = emptyLedger.get();
        Rebuild rebuild = Rebuild.run(service, journal, types, event -> fold.apply(rebuilt, event));
        adopt.accept(rebuilt);
        return rebuild;
    }

    private Rebuild replayThenAdopt(EventJournal journal) {
        L rebuilt = emptyLedger.get();
        Rebuild rebuild = Rebuild.run(service, journal, types, event -> fold.apply(rebuilt, event));
        handover.takeOver(() -> {
            adopt.accept(rebuilt);
            return null;
        });
        return rebuild;
    }
}
