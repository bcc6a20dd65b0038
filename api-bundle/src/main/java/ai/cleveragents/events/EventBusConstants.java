package ai.cleveragents.events;

/**
 * Service property names shared by buses, whiteboard handlers and their consumers.
 */
public final class EventBusConstants {

    /**
     * Whiteboard {@link EventHandler} property: the event types the handler wants, as a String or
     * String[] of selectors: a dotted id ({@code plan.created}), a domain ({@code plan.*}) or all
     * ({@code *}). A handler with an invalid selector is ignored with a log line naming it.
     */
    public static final String EVENT_TYPES = "event.types";

    /**
     * Whiteboard {@link EventHandler} property: {@code true} to receive the events that reached no
     * other handler and no stream subscriber (dead events).
     */
    public static final String EVENT_UNHANDLED = "event.unhandled";

    /**
     * {@link EventBus} and {@link EventStream} service property: the bus implementation's short name,
     * for example {@code reactive} or {@code logging}.
     */
    public static final String BUS_NAME = "event.bus.name";

    /** {@link MetricsSource} service property: the name of the metrics source. */
    public static final String METRICS_NAME = "metrics.name";

    private EventBusConstants() {
    }
}
