package ai.cleveragents.events.itests.churn;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.LongAdder;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the subscriber bundle that {@code BundleChurnTest} builds, installs and uninstalls
 * again and again: its class file is copied into that bundle, so each installation loads it in a class
 * loader of its own. On start it subscribes to every event type through the bus and registers a
 * whiteboard handler of {@code plan.*}; on stop it releases nothing itself, leaving that to the bus (the
 * bundle-scoped service closes the subscription) and to the framework (it unregisters the handler).
 */
public final class ChurnSubscriber implements BundleActivator {

    private final LongAdder received = new LongAdder();

    @Override
    public void start(BundleContext context) {
        EventBus bus = context.getService(context.getServiceReference(EventBus.class));
        bus.subscribeAll(e -> received.increment());
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_TYPES, "plan.*");
        context.registerService(EventHandler.class, e -> received.increment(), props);
    }

    @Override
    public void stop(BundleContext context) {
        // nothing: the cleanup on stop is what BundleChurnTest checks
    }
}
