package ai.cleveragents.events.dispatch;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import ai.cleveragents.events.EventType;

/** The counters every bus keeps. Thread-safe, contention-friendly ({@link LongAdder}). */
final class DispatchMetrics {

    private final LongAdder[] emitted = adders();
    private final LongAdder[] unhandled = adders();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder cascadeRefused = new LongAdder();

    void emitted(EventType type) {
        emitted[type.ordinal()].increment();
    }

    void unhandled(EventType type) {
        unhandled[type.ordinal()].increment();
    }

    void delivered(int count) {
        if (count > 0) {
            deliveries.add(count);
        }
    }

    void failed() {
        failures.increment();
    }

    void cascadeRefused() {
        cascadeRefused.increment();
    }

    long cascadeRefusals() {
        return cascadeRefused.sum();
    }

    Map<EventType, Long> emitted() {
        return perType(emitted);
    }

    Map<EventType, Long> unhandled() {
        return perType(unhandled);
    }

    long deliveries() {
        return deliveries.sum();
    }

    long failures() {
        return failures.sum();
    }

    private static Map<EventType, Long> perType(LongAdder[] adders) {
        Map<EventType, Long> map = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            long n = adders[t.ordinal()].sum();
            if (n != 0) {
                map.put(t, n);
            }
        }
        return map;
    }

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[EventType.values().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }
}
