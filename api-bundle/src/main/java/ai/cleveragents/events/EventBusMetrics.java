package ai.cleveragents.events;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A snapshot of a bus's counters, taken by {@link EventBus#metrics()}. Counters are cumulative since
 * the bus started. The snapshot is immutable; its values are read without a global lock, so counters
 * changing during the snapshot may be a few events apart.
 */
@ProviderType
public interface EventBusMetrics {

    /** @return events emitted, per type (types never emitted may be absent) */
    Map<EventType, Long> emitted();

    /** @return total successful handler invocations */
    long deliveries();

    /** @return total handler invocations that threw */
    long handlerFailures();

    /** @return events that reached no handler and no stream subscriber, per type */
    Map<EventType, Long> unhandled();

    /** @return events dropped for stream subscribers, all subscribers together */
    long drops();

    /** @return current stream subscribers (0 for a bus without a stream) */
    int streamSubscribers();

    /** @return current subscriptions, whiteboard handlers included */
    int subscriptions();

    /** @return every current subscription, whiteboard handlers included, in subscription order */
    List<SubscriptionInfo> subscriptionDetails();

    /**
     * Implementation-specific counters and gauges under dotted names, for example
     * {@code journal.appends}, {@code journal.fsyncs}, {@code journal.bytes}, {@code journal.lag}.
     *
     * @return an unmodifiable map, sorted by name
     */
    Map<String, Long> extra();
}
