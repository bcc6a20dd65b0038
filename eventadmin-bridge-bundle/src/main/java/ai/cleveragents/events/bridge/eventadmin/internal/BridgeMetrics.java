package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bridge's counters. Every drop is counted by reason and reported to the {@link DropLog}.
 * Thread-safe; counting never blocks.
 */
final class BridgeMetrics {

    private final DropLog log;
    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();
    private final LongAdder loopSuppressed = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder ignoredTopics = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    BridgeMetrics(DropLog log) {
        this.log = log;
        for (DropReason r : DropReason.values()) {
            dropped.put(r, new LongAdder());
        }
    }

    /** An Event Admin event was emitted on the bus. */
    void emittedIn() {
        in.increment();
    }

    /** A domain event was handed to Event Admin. */
    void postedOut() {
        out.increment();
    }

    /** An event was kept from crossing back the way it came. */
    void loopSuppressed() {
        loopSuppressed.increment();
    }

    /** A domain event did not match the outbound filter. */
    void filteredOut() {
        filtered.increment();
    }

    /** An Event Admin event outside the prefix reached the inbound handler. */
    void ignoredTopic() {
        ignoredTopics.increment();
    }

    /** Counts a drop and logs it, rate-limited. */
    void dropped(DropReason reason, String what) {
        dropped(reason, 1, what);
    }

    /** Counts {@code count} drops of one reason and logs them as one, rate-limited. */
    void dropped(DropReason reason, long count, String what) {
        dropped.get(reason).add(count);
        log.dropped(reason, what);
    }

    long dropped(DropReason reason) {
        return dropped.get(reason).sum();
    }

    /**
     * @return {@code in}, {@code out}, {@code loop.suppressed}, {@code out.filtered},
     *         {@code in.ignored_topic}, {@code dropped.<reason>} for every reason, {@code queue.depth}
     *         and {@code queue.capacity}, in that order
     */
    Map<String, Long> snapshot(long queueDepth, long queueCapacity) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("in", in.sum());
        m.put("out", out.sum());
        m.put("loop.suppressed", loopSuppressed.sum());
        m.put("out.filtered", filtered.sum());
        m.put("in.ignored_topic", ignoredTopics.sum());
        for (Map.Entry<DropReason, LongAdder> e : dropped.entrySet()) {
            m.put("dropped." + e.getKey().key(), e.getValue().sum());
        }
        m.put("queue.depth", queueDepth);
        m.put("queue.capacity", queueCapacity);
        return Collections.unmodifiableMap(m);
    }
}
