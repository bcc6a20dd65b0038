package ai.cleveragents.events;

import java.util.concurrent.Flow;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The asynchronous stream of every event emitted on a bus, as a JDK {@link Flow.Publisher}. A bus that
 * offers one registers it as a service with the same {@code event.bus.name} property as the bus.
 *
 * <p>Each subscriber gets its own bounded buffer and delivery thread; the bus's overflow policy decides
 * what happens when a subscriber does not keep up (block the emitter, drop the newest event, or cancel
 * the subscriber), and drops are counted in {@link EventBusMetrics#drops()}. Per subscriber,
 * {@code onNext} calls are serial and in the order the bus accepted the events. {@code onComplete} is
 * signalled when the bus stops.
 */
@ProviderType
public interface EventStream extends Flow.Publisher<DomainEvent> {
}
