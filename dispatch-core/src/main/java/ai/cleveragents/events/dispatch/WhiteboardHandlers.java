package ai.cleveragents.events.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks whiteboard {@link EventHandler} services (those with {@value EventBusConstants#EVENT_TYPES} or
 * {@value EventBusConstants#EVENT_UNHANDLED}{@code =true}, except catch-up handlers, which have
 * {@value EventBusConstants#EVENT_FROM} or {@value EventBusConstants#EVENT_CHECKPOINT} and are served
 * from a journal) and registers them with an engine, owned by
 * the bundle that registered the service ({@value EventBusConstants#EVENT_OBSERVER}{@code =true} makes it
 * an observer). A service whose properties change is re-registered; one with
 * an invalid selector is ignored with a log line naming it.
 */
public final class WhiteboardHandlers implements ServiceTrackerCustomizer<EventHandler, WhiteboardHandlers.Tracked> {

    static final String FILTER = "(&(" + Constants.OBJECTCLASS + "=" + EventHandler.class.getName() + ")(|("
            + EventBusConstants.EVENT_TYPES + "=*)(" + EventBusConstants.EVENT_UNHANDLED + "=true))(!("
            + EventBusConstants.EVENT_FROM + "=*))(!(" + EventBusConstants.EVENT_CHECKPOINT + "=*)))";

    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardHandlers.class);

    private final BundleContext context;
    private final DispatchEngine engine;
    private final ServiceTracker<EventHandler, Tracked> tracker;

    WhiteboardHandlers(BundleContext context, DispatchEngine engine) {
        this.context = context;
        this.engine = engine;
        try {
            this.tracker = new ServiceTracker<>(context, context.createFilter(FILTER), this);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    void open() {
        tracker.open(true);
    }

    void close() {
        tracker.close();
    }

    /** The registrations made for one handler service; replaced when its properties change. */
    static final class Tracked {
        final EventHandler handler;
        volatile List<Registration> registrations;

        Tracked(EventHandler handler, List<Registration> registrations) {
            this.handler = handler;
            this.registrations = registrations;
        }

        void close() {
            registrations.forEach(Registration::close);
        }
    }

    @Override
    public Tracked addingService(ServiceReference<EventHandler> ref) {
        EventHandler handler = context.getService(ref);
        if (handler == null) {
            return null;
        }
        return new Tracked(handler, register(ref, handler));
    }

    @Override
    public void modifiedService(ServiceReference<EventHandler> ref, Tracked tracked) {
        tracked.close();
        tracked.registrations = register(ref, tracked.handler);
    }

    @Override
    public void removedService(ServiceReference<EventHandler> ref, Tracked tracked) {
        tracked.close();
        context.ungetService(ref);
    }

    private List<Registration> register(ServiceReference<EventHandler> ref, EventHandler handler) {
        List<Registration> result = new ArrayList<>(2);
        Object owner = ref.getBundle();
        Object typesProperty = ref.getProperty(EventBusConstants.EVENT_TYPES);
        if (typesProperty != null) {
            try {
                Set<EventType> types = parseSelectors(typesProperty);
                result.add(engine.addWhiteboard(types, filterOf(ref), handler, owner, roleOf(ref)));
            } catch (IllegalArgumentException e) {
                LOG.error("{} bus: ignoring EventHandler service {} of bundle {}: {}", engine.busName(),
                        ref.getProperty(Constants.SERVICE_ID), Registration.describe(owner), e.getMessage());
            }
        }
        if (isTrue(ref.getProperty(EventBusConstants.EVENT_UNHANDLED))) {
            result.add(engine.addUnhandledHandler(handler, owner));
        }
        return result;
    }

    private static Registration.Role roleOf(ServiceReference<EventHandler> ref) {
        return isTrue(ref.getProperty(EventBusConstants.EVENT_OBSERVER)) ? Registration.Role.OBSERVER
                : Registration.Role.HANDLER;
    }

    private static boolean isTrue(Object property) {
        return Boolean.TRUE.equals(property) || "true".equalsIgnoreCase(String.valueOf(property));
    }

    /** @return the service's {@value EventBusConstants#EVENT_FILTER}, or {@code null} without one */
    private static HandlerFilter filterOf(ServiceReference<EventHandler> ref) {
        Object filter = ref.getProperty(EventBusConstants.EVENT_FILTER);
        return filter == null ? null : HandlerFilter.parse(String.valueOf(filter));
    }

    /**
     * Parses the {@value EventBusConstants#EVENT_TYPES} property: a String, String[] or collection of
     * selectors, each of which may itself be a comma-separated list.
     *
     * @throws IllegalArgumentException if a selector is invalid or none is given; the message names the
     *                                  property and restates the grammar
     */
    public static Set<EventType> parseSelectors(Object property) {
        try {
            return selectorsOf(property);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + EventBusConstants.EVENT_TYPES + " " + describe(property)
                    + ": " + e.getMessage() + "; a selector is an event type id (plan.created), a domain followed by"
                    + " .* (plan.*) or * for every type, several separated by commas", e);
        }
    }

    private static String describe(Object property) {
        return property instanceof String[] ? List.of((String[]) property).toString() : "'" + property + "'";
    }

    private static Set<EventType> selectorsOf(Object property) {
        List<String> selectors = new ArrayList<>();
        if (property instanceof String[]) {
            selectors.addAll(List.of((String[]) property));
        } else if (property instanceof Collection) {
            ((Collection<?>) property).forEach(o -> selectors.add(String.valueOf(o)));
        } else {
            selectors.add(String.valueOf(property));
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String s : selectors) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    types.addAll(EventType.select(part));
                }
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no event type selector given");
        }
        return types;
    }
}
