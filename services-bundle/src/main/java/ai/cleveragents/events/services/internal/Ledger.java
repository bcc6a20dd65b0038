package ai.cleveragents.events.services.internal;

import java.util.List;

import ai.cleveragents.events.DomainEvent;

/**
 * What {@link JournalBinding} needs of a service's state: folding journalled events into an empty copy,
 * merging a rebuilt copy in, and writing and reading a snapshot.
 *
 * @param <L> the ledger type itself
 */
interface Ledger<L extends Ledger<L>> {

    /** @return an empty ledger with the same emitter and bounds, for a rebuild to fill */
    L emptyCopy();

    /**
     * Applies a journalled event; never emits.
     *
     * @throws ReplayException if it contradicts the state folded so far
     */
    Folded replay(DomainEvent event);

    /**
     * Adds what {@code rebuilt} holds and this ledger does not.
     *
     * @return how many entries were added
     */
    int adoptMissing(L rebuilt);

    /** @return every entry held, written as a snapshot entry ({@link SnapshotEntries}) */
    List<DomainEvent> snapshotEntries();

    /**
     * Fills an empty ledger from snapshot entries.
     *
     * @throws SnapshotException if an entry is not a whole entry of this ledger; nothing was added then
     */
    void restoreSnapshot(List<DomainEvent> entries);
}
