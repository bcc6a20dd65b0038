package ai.cleveragents.events.dispatch;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.cleveragents.events.EventBus;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Publishes a {@link DispatchEngine} as the {@link EventBus} service of a bundle: one view per
 * consuming bundle (bundle scope), whose {@code subscribe} registrations are closed when that bundle
 * releases the service or stops; and delivery to whiteboard {@link ai.cleveragents.events.EventHandler}
 * services.
 *
 * <p>This is the one lifecycle of every bus component: {@link #start} registers the bus and its
 * {@link Companion} services, {@link #update} changes the properties of all of them at once (a new
 * ranking, without re-registration), {@link #stop} ends them. {@link #stop} is ordered for live swaps:
 * the services are unregistered first, so greedy consumers rebind to the next bus; only then does the
 * engine reject late emits (which consumers retry on the bus they are now bound to), drain the emits in
 * flight and close every subscription.
 */
public final class BusService {

    private final DispatchEngine engine;
    private final WhiteboardHandlers whiteboard;
    private final ServiceRegistration<EventBus> registration;
    private final List<ServiceRegistration<?>> companions = new ArrayList<>();

    private BusService(BundleContext context, DispatchEngine engine, Map<String, ?> properties,
            List<Companion<?>> companionServices) {
        this.engine = engine;
        this.whiteboard = new WhiteboardHandlers(context, engine);
        whiteboard.open();
        Dictionary<String, Object> dictionary = toDictionary(properties);
        for (Companion<?> c : companionServices) {
            companions.add(register(context, c, dictionary));
        }
        this.registration = context.registerService(EventBus.class, new Factory(engine), dictionary);
    }

    private static <S> ServiceRegistration<S> register(BundleContext context, Companion<S> c,
            Dictionary<String, Object> properties) {
        return context.registerService(c.type(), c.service(), properties);
    }

    /**
     * Starts tracking whiteboard handlers and registers the {@link EventBus} service.
     *
     * @param context    the bus bundle's context
     * @param engine     the engine to publish
     * @param properties service properties (ranking, bus name, …)
     * @return the running publication
     */
    public static BusService start(BundleContext context, DispatchEngine engine, Map<String, ?> properties) {
        return start(context, engine, properties, List.of());
    }

    /**
     * Registers the companions, starts tracking whiteboard handlers and registers the {@link EventBus}
     * service, all with the same properties.
     *
     * @param context    the bus bundle's context
     * @param engine     the engine to publish
     * @param properties service properties (ranking, bus name, …)
     * @param companions services registered, updated and unregistered with the bus
     * @return the running publication
     */
    public static BusService start(BundleContext context, DispatchEngine engine, Map<String, ?> properties,
            List<Companion<?>> companions) {
        return new BusService(Objects.requireNonNull(context, "context"), Objects.requireNonNull(engine, "engine"),
                properties, List.copyOf(companions));
    }

    /**
     * Replaces the service properties (for example a new {@code service.ranking}) without
     * re-registering, so no event is lost and consumers see a modified service.
     *
     * @param properties the new properties
     */
    public void update(Map<String, ?> properties) {
        Dictionary<String, Object> dictionary = toDictionary(properties);
        registration.setProperties(dictionary);
        companions.forEach(c -> c.setProperties(dictionary));
    }

    /**
     * Unregisters the service, then closes the engine (see {@link DispatchEngine#close}), then stops
     * tracking whiteboard handlers.
     *
     * @param afterGateClosed run once the engine rejects new emits
     * @param drainTimeoutMillis how long to wait for emits in flight
     */
    public void stop(Runnable afterGateClosed, long drainTimeoutMillis) {
        unregister(registration);
        companions.forEach(BusService::unregister);
        engine.close(afterGateClosed, drainTimeoutMillis);
        whiteboard.close();
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            // the framework unregisters a stopping bundle's services itself; nothing left to do here
        }
    }

    private static Dictionary<String, Object> toDictionary(Map<String, ?> properties) {
        Hashtable<String, Object> d = new Hashtable<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                d.put(k, v);
            }
        });
        return d;
    }

    private static final class Factory implements ServiceFactory<EventBus> {
        private final DispatchEngine engine;

        Factory(DispatchEngine engine) {
            this.engine = engine;
        }

        @Override
        public EventBus getService(Bundle bundle, ServiceRegistration<EventBus> reg) {
            return engine.view(bundle);
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<EventBus> reg, EventBus service) {
            ((OwnedEventBus) service).release();
        }
    }
}
