package ai.cleveragents.events;

/**
 * Service property names shared by buses, whiteboard handlers and their consumers.
 */
public final class EventBusConstants {

    /**
     * Whiteboard {@link EventHandler} property: the event types the handler wants, as a String or
     * String[] of selectors: a dotted id ({@code plan.created}), a domain ({@code plan.*}) or all
     * ({@code *}). A handler with an invalid selector is ignored with one ERROR line naming it and
     * restating the grammar.
     */
    public static final String EVENT_TYPES = "event.types";

    /**
     * Whiteboard {@link EventHandler} property (and the {@code filter} of
     * {@link EventBus#subscribe(java.util.Set, String, EventHandler)}): an LDAP filter, as in OSGi
     * Event Admin's {@code event.filter}, over the event's fields {@code event_id}, {@code event_type},
     * {@code correlation_id}, {@code plan_id}, {@code root_plan_id}, {@code session_id},
     * {@code actor_name}, {@code project_name}, and {@code details.<key>} for each top-level detail, for
     * example {@code (&(plan_id=p-1)(details.tool=search))}. Attribute names are case-sensitive; absent
     * fields match nothing. The handler receives only the events of its types that match. A handler with an
     * invalid filter is ignored with one ERROR line naming the service and the filter.
     *
     * @since 1.1
     */
    public static final String EVENT_FILTER = "event.filter";

    /**
     * Whiteboard {@link EventHandler} property: {@code true} to receive the events that reached no
     * other handler and no stream subscriber (dead events).
     */
    public static final String EVENT_UNHANDLED = "event.unhandled";

    /**
     * Whiteboard {@link EventHandler} property: {@code true} makes the handler an <em>observer</em>. It
     * receives the events of its {@link #EVENT_TYPES} (and {@link #EVENT_FILTER}) like any handler, in
     * subscription order, but does not count as a receiver: an event that reaches only observers is
     * still unhandled (counted as such and routed to the {@link #EVENT_UNHANDLED} handlers). For bridges,
     * tails and monitors that see every event. {@link EventBus#observe} is the same for {@code subscribe}.
     *
     * @since 1.1
     */
    public static final String EVENT_OBSERVER = "event.observer";

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
