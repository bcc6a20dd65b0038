package ai.cleveragents.events.itests;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventRejectedException;

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

    GreedyConsumer(BundleContext context) {
        tracker = new ServiceTracker<>(context, EventBus.class, null);
        tracker.open();
    }

    /** @return the {@value EventBusConstants#BUS_NAME} of the bus this consumer uses, or {@code null} */
    String boundBusName() {
        ServiceReference<EventBus> best = tracker.getServiceReference();
        return best == null ? null : (String) best.getProperty(EventBusConstants.BUS_NAME);
    }

    /** @return {@code true} if the event was emitted on a bus */
    boolean emit(DomainEvent event) {
        while (true) {
            EventBus bus = tracker.getService();
            if (bus == null) {
                return false;
            }
            try {
                bus.emit(event);
                return true;
            } catch (EventRejectedException e) {
                if (e.reason() != EventRejectedException.Reason.CLOSED) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        tracker.close();
    }
}
