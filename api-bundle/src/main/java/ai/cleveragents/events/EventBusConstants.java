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
     * Whiteboard {@link EventHandler} property making the handler a <em>catch-up</em> handler of the bus's
     * journal (see {@link EventJournal#subscribeFrom}): where it starts, in the text form of
     * {@link JournalPosition#parse}: {@code beginning}, an event id (inclusive) or an ISO-8601 instant. With
     * {@link #EVENT_TYPES} (default {@code *}) as the types. Such a handler is served by the bus that has a
     * journal (the reactive bus with its journal enabled), on a thread of its own, in journal order, and
     * not through ordinary dispatch. With {@link #EVENT_CHECKPOINT} it is the start used when no
     * checkpoint is stored yet. An invalid value: the handler is not subscribed, with one ERROR line naming
     * the service, the property and the allowed values.
     *
     * @since 1.1
     */
    public static final String EVENT_FROM = "event.from";

    /**
     * Whiteboard {@link EventHandler} property making the handler a catch-up handler (as
     * {@link #EVENT_FROM}) whose progress the bus stores under this name: after a restart of the handler's
     * bundle, of the bus or of the framework it resumes just after the last event it handled (at least
     * once: the events handled since the last stored checkpoint may come again; a handler that remembers
     * the event ids it handled gets each exactly once). Without a stored checkpoint it starts at
     * {@link #EVENT_FROM}, else at the beginning. A name is 1 to 64 of {@code A-Z a-z 0-9 . _ -}, not
     * starting with a dot; an invalid name, two handlers with the same name, or an unreadable checkpoint:
     * the handler is not subscribed, with one ERROR line naming the service, the property or file, and
     * what is allowed.
     *
     * @since 1.1
     */
    public static final String EVENT_CHECKPOINT = "event.checkpoint";

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
