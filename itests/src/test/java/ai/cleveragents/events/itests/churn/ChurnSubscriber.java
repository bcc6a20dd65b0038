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
 * The activator of the bundles that {@code BundleChurnTest} builds, installs and uninstalls again and
 * again: its class file is copied into them, so each installation loads it in a class loader of its
 * own. With manifest header {@value #HEADER}{@code : bus} it subscribes to every event type through the
 * bus and registers a whiteboard handler of {@code plan.*}; with {@code control} it does the same
 * framework work without the bus (gets the Config Admin service, registers a {@code Runnable}), which
 * measures what the framework itself retains per uninstalled bundle. On stop it releases nothing
 * itself, leaving that to the bus (the bundle-scoped service closes the subscription) and to the
 * framework (it unregisters the services).
 */
public final class ChurnSubscriber implements BundleActivator {

    /** The manifest header choosing {@code bus} or {@code control}. */
    public static final String HEADER = "Churn-Uses";

    private final LongAdder received = new LongAdder();

    @Override
    public void start(BundleContext context) {
        if ("control".equals(context.getBundle().getHeaders().get(HEADER))) {
            context.getService(context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin"));
            context.registerService(Runnable.class, received::increment, null);
            return;
        }
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
