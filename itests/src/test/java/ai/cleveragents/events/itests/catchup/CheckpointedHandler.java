package ai.cleveragents.events.itests.catchup;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Consumer;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The activator of the handler bundle that {@code CatchUpSubscriptionTest} builds, stops and starts
 * again: it registers a whiteboard catch-up handler with {@value #NAME} as its
 * {@value EventBusConstants#EVENT_CHECKPOINT}, which hands each event to the test's
 * {@code Consumer<DomainEvent>} service (property {@value #SINK}{@code =true}). It releases nothing on
 * stop: the framework unregisters the handler, and the bus stores the checkpoint.
 */
public final class CheckpointedHandler implements BundleActivator {

    /** The checkpoint name. */
    public static final String NAME = "itest-resume";
    /** The property marking the test's sink service. */
    public static final String SINK = "catchup.sink";

    @Override
    @SuppressWarnings("unchecked")
    public void start(BundleContext context) throws Exception {
        ServiceReference<?> ref = context.getServiceReferences(Consumer.class.getName(), "(" + SINK + "=true)")[0];
        Consumer<DomainEvent> sink = (Consumer<DomainEvent>) context.getService(ref);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_CHECKPOINT, NAME);
        props.put(EventBusConstants.EVENT_TYPES, "plan.*");
        context.registerService(EventHandler.class, sink::accept, props);
    }

    @Override
    public void stop(BundleContext context) {
        // nothing: the framework unregisters the handler and the bus stores its checkpoint
    }
}
