package ai.cleveragents.events.itests;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.SwapSafeEmitter;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A consumer the way DS binds a greedy, dynamic, optional reference: always the best-ranked
 * {@link EventBus}, retrying an emit refused because its bus closed mid-swap, emitting nothing when no
 * bus is present.
 */
final class GreedyConsumer implements AutoCloseable {

    private final ServiceTracker<EventBus, EventBus> tracker;
    private final SwapSafeEmitter emitter;

    GreedyConsumer(BundleContext context) {
        tracker = new ServiceTracker<>(context, EventBus.class, null);
        tracker.open();
        emitter = new SwapSafeEmitter(tracker::getService);
    }

    /** @return the {@value EventBusConstants#BUS_NAME} of the bus this consumer uses, or {@code null} */
    String boundBusName() {
        ServiceReference<EventBus> best = tracker.getServiceReference();
        return best == null ? null : (String) best.getProperty(EventBusConstants.BUS_NAME);
    }

    /** @return {@code true} if the event was emitted on a bus */
    boolean emit(DomainEvent event) {
        return emitter.emit(event) == SwapSafeEmitter.Outcome.EMITTED;
    }

    @Override
    public void close() {
        tracker.close();
    }
}
