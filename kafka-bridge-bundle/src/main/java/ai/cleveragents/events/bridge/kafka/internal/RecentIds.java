package ai.cleveragents.events.bridge.kafka.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded set of recent event ids: once full, adding forgets the oldest. Thread-safe (every method
 * holds this object's lock).
 */
final class RecentIds {

    private final int capacity;
    /** Guarded by {@code this}. */
    private final LinkedHashMap<String, Boolean> ids;

    RecentIds(int capacity) {
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RecentIds.this.capacity;
            }
        };
    }

    /** @return {@code true} if the id was not remembered yet */
    synchronized boolean add(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }

    synchronized boolean contains(String id) {
        return ids.containsKey(id);
    }

    synchronized int size() {
        return ids.size();
    }

    int capacity() {
        return capacity;
    }
}
