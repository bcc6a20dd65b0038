package ai.cleveragents.events.dispatch;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.SubscriptionInfo;

/** An immutable {@link EventBusMetrics} snapshot. */
record MetricsSnapshot(Map<EventType, Long> emitted, long deliveries, long handlerFailures,
        Map<EventType, Long> unhandled, long drops, int streamSubscribers, int subscriptions,
        List<SubscriptionInfo> subscriptionDetails, Map<String, Long> extra) implements EventBusMetrics {

    MetricsSnapshot {
        emitted = Collections.unmodifiableMap(emitted);
        unhandled = Collections.unmodifiableMap(unhandled);
        subscriptionDetails = List.copyOf(subscriptionDetails);
        extra = Collections.unmodifiableMap(new TreeMap<>(extra));
    }
}
