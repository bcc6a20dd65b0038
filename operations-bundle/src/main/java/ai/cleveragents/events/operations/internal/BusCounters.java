package ai.cleveragents.events.operations.internal;

import java.util.Map;
import java.util.TreeMap;

import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventType;

/** A bus's metrics as flat counters, the way its MBean shows them. */
final class BusCounters {

    private BusCounters() {
    }

    /**
     * @param metrics a bus's metrics snapshot
     * @return {@code emitted}, {@code emitted.<type>}, {@code unhandled}, {@code unhandled.<type>},
     *         {@code deliveries}, {@code handler.failures}, {@code drops}, {@code stream.subscribers},
     *         {@code subscriptions}, and the bus's own counters ({@code journal.*}), sorted by name
     */
    static Map<String, Long> of(EventBusMetrics metrics) {
        Map<String, Long> counters = new TreeMap<>(metrics.extra());
        perType(counters, "emitted", metrics.emitted());
        perType(counters, "unhandled", metrics.unhandled());
        counters.put("deliveries", metrics.deliveries());
        counters.put("handler.failures", metrics.handlerFailures());
        counters.put("drops", metrics.drops());
        counters.put("stream.subscribers", (long) metrics.streamSubscribers());
        counters.put("subscriptions", (long) metrics.subscriptions());
        return counters;
    }

    private static void perType(Map<String, Long> counters, String name, Map<EventType, Long> byType) {
        long total = 0;
        for (Map.Entry<EventType, Long> e : byType.entrySet()) {
            counters.put(name + "." + e.getKey().id(), e.getValue());
            total += e.getValue();
        }
        counters.put(name, total);
    }
}
