package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The most recent event ids, at most {@code capacity} of them: adding one beyond that forgets the
 * oldest (a ring). Memory is bounded by the capacity whatever the traffic. {@link #contains} is
 * lock-free, so Event Admin's delivery thread can ask without waiting. Thread-safe.
 */
final class RecentIds {

    private final Set<String> members;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: the remembered ids in insertion order, oldest at {@link #next} once full. */
    private final String[] ring;
    /** Guarded by {@link #lock}. */
    private int next;

    /**
     * @param capacity how many ids to remember
     * @throws IllegalArgumentException if the capacity is not positive
     */
    RecentIds(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.ring = new String[capacity];
        this.members = ConcurrentHashMap.newKeySet(capacity);
    }

    /**
     * Remembers an id, forgetting the oldest one if full.
     *
     * @return {@code true} if the id was not remembered yet
     */
    boolean add(String id) {
        synchronized (lock) {
            if (!members.add(id)) {
                return false;
            }
            String evicted = ring[next];
            if (evicted != null) {
                members.remove(evicted);
            }
            ring[next] = id;
            next = (next + 1) % ring.length;
            return true;
        }
    }

    /** @return whether the id is among the remembered ones */
    boolean contains(String id) {
        return members.contains(id);
    }

    /** @return how many ids are remembered, at most the capacity */
    int size() {
        return members.size();
    }
}
