package ai.cleveragents.events.services.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * Entries by id, with a bound on the retired ones: an entry is retired when it can no longer change
 * in a way that matters (a finished plan, any recorded decision); once more than the bound are
 * retired, the oldest retired are evicted. Entries not retired are never evicted. Thread-safe:
 * look-ups are lock-free, retirement and eviction are serialised on an internal lock that is never held
 * while calling out, except to the eviction listener.
 *
 * @param <T> the snapshot type
 */
final class EntryStore<T> {

    private final ConcurrentMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Consumer<T> onEvict;
    private final Object lock = new Object();
    /** ids in retirement order; guarded by {@link #lock} */
    private final ArrayDeque<String> retired = new ArrayDeque<>();
    /** guarded by {@link #lock} */
    private int maxRetired;

    /**
     * @param maxRetired how many retired entries to keep, at least 0
     * @param onEvict    told of each evicted snapshot, under the store's lock
     */
    EntryStore(int maxRetired, Consumer<T> onEvict) {
        this.maxRetired = Math.max(0, maxRetired);
        this.onEvict = onEvict;
    }

    /** @return the entry, or {@code null} */
    Entry<T> get(String id) {
        return entries.get(id);
    }

    Entry<T> add(String id, T value) {
        Entry<T> entry = new Entry<>(value);
        entries.put(id, entry);
        return entry;
    }

    /**
     * Adds an entry unless one with that id is held.
     *
     * @param retire whether to retire it at once
     * @return {@code true} if it was added
     */
    boolean adopt(String id, T value, boolean retire) {
        if (entries.putIfAbsent(id, new Entry<>(value)) != null) {
            return false;
        }
        if (retire) {
            retire(id);
        }
        return true;
    }

    /** @return how many retired entries are kept */
    int maxRetired() {
        synchronized (lock) {
            return maxRetired;
        }
    }

    /** Marks an entry as retired, evicting the oldest retired ones beyond the bound. */
    void retire(String id) {
        synchronized (lock) {
            retired.addLast(id);
            trim();
        }
    }

    /** Changes the bound, evicting at once if it shrank. */
    void resize(int newMaxRetired) {
        synchronized (lock) {
            maxRetired = Math.max(0, newMaxRetired);
            trim();
        }
    }

    /** @return the current value of every entry held, retired or not, in no particular order */
    List<T> values() {
        List<T> values = new ArrayList<>(entries.size());
        entries.values().forEach(e -> values.add(e.value()));
        return values;
    }

    /** @return entries held, retired or not */
    int size() {
        return entries.size();
    }

    /** @return retired entries held */
    int retiredCount() {
        synchronized (lock) {
            return retired.size();
        }
    }

    private void trim() {
        while (retired.size() > maxRetired) {
            Entry<T> evicted = entries.remove(retired.removeFirst());
            onEvict.accept(evicted.value());
        }
    }
}
