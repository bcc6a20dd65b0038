package ai.cleveragents.events.bridge.kafka.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bridge's counters, published through {@code MetricsSource} and {@code kafka:status}. Thread-safe;
 * counting never blocks.
 */
final class BridgeCounters {

    final LongAdder outAcked = new LongAdder();
    final LongAdder outLoopSuppressed = new LongAdder();
    final LongAdder outSendFailures = new LongAdder();
    final LongAdder outRestarts = new LongAdder();
    final LongAdder inEmitted = new LongAdder();
    final LongAdder inDuplicates = new LongAdder();
    final LongAdder inLoopSuppressed = new LongAdder();
    final LongAdder inDeadLettered = new LongAdder();
    final LongAdder inPauses = new LongAdder();
    private final Map<RejectReason, LongAdder> rejected = new EnumMap<>(RejectReason.class);

    BridgeCounters() {
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, new LongAdder());
        }
    }

    void rejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    /**
     * @return the counters under their names ({@code out.*}, then {@code in.*}, rejections as
     *         {@code in.rejected.<reason>}), in a stable order
     */
    Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("out.acked", outAcked.sum());
        m.put("out.loop_suppressed", outLoopSuppressed.sum());
        m.put("out.send_failures", outSendFailures.sum());
        m.put("out.restarts", outRestarts.sum());
        m.put("in.emitted", inEmitted.sum());
        m.put("in.duplicates", inDuplicates.sum());
        m.put("in.loop_suppressed", inLoopSuppressed.sum());
        for (Map.Entry<RejectReason, LongAdder> e : rejected.entrySet()) {
            m.put("in.rejected." + e.getKey().key(), e.getValue().sum());
        }
        m.put("in.dead_lettered", inDeadLettered.sum());
        m.put("in.pauses", inPauses.sum());
        return m;
    }
}
