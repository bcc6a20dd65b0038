package ai.cleveragents.events;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits domain events to subscribers. Implementations are registered as OSGi services, ranked by
 * {@code service.ranking}; consumers should bind greedily and dynamically so they follow the best bus.
 *
 * <p><b>Delivery contract</b> (every implementation):
 * <ul>
 * <li>All methods are thread-safe; emit, subscribe and close may race from any threads.</li>
 * <li>Handlers run synchronously on the emitting thread, in subscription order, each isolated: a
 * handler that throws is logged (rate-limited) and counted, and neither the other handlers nor the
 * emitter notice.</li>
 * <li>Events emitted by one thread reach each handler in emission order, which is also the order of
 * the bus's journal.</li>
 * <li><b>Re-entrant emits.</b> An event emitted by a handler, on the thread delivering another event,
 * is accepted at once (journalled and offered to stream subscribers, so {@code emit} still throws if it
 * is refused) but delivered to synchronous handlers only after the event being delivered has reached
 * every handler, in emission order (a per-thread queue, as Guava's {@code EventBus} dispatches). So
 * every handler sees events in the same order, the journal's, and a handler's {@code emit} returns
 * before the handlers of the new event have run. The original, outermost {@code emit} returns once the
 * whole cascade is delivered. One outermost emit may cause at most 1000 re-entrant emits; later ones
 * throw {@link EventRejectedException} with {@link EventRejectedException.Reason#CASCADE_LIMIT} to the
 * emitting handler, so a handler re-emitting without end is stopped (counted, logged naming it) and the
 * original emitter never sees it.</li>
 * <li>Whiteboard {@link EventHandler} services (see {@link EventBusConstants#EVENT_TYPES}) receive
 * events as subscribers do.</li>
 * <li>An event that reaches no handler and no stream subscriber is counted as unhandled and given to
 * whiteboard handlers registered with {@link EventBusConstants#EVENT_UNHANDLED}{@code =true}.</li>
 * </ul>
 *
 * <p><b>Swaps.</b> A bus that rejects an event with {@link EventRejectedException.Reason#CLOSED} has
 * delivered it to no one and, as a service, has already been unregistered: emit it again on the bus
 * bound now. {@link SwapSafeEmitter} implements this rule; use it rather than {@code emit} directly when
 * the bus comes from a dynamic reference, so an emit racing a swap reaches the old or the new bus exactly
 * once and never throws {@code CLOSED}.
 *
 * <p><b>Subscribing the same handler twice</b> makes two independent subscriptions: the handler
 * receives each matching event once per subscription, in subscription order, and closing one leaves the
 * other active (no deduplication: as with {@code Flow.Publisher}, each call is a subscription).
 *
 * <p>When obtained as an OSGi service, subscriptions belong to the calling bundle and are closed when
 * it releases the service or stops.
 */
@ProviderType
public interface EventBus {

    /**
     * Emits an event to every matching subscriber, then returns.
     *
     * @param event the event
     * @throws NullPointerException   if {@code event} is {@code null}
     * @throws EventRejectedException if the bus is closed, its journal could not record the event, the
     *                                event is too large for the journal, or (from a handler) the cascade
     *                                is full; the event was then delivered to no one
     */
    void emit(DomainEvent event);

    /**
     * Emits events as one batch, in list order, then returns: the same as calling {@link #emit} for
     * each, on this thread, except that a bus with a write-ahead journal writes the whole batch at once
     * and makes it durable with one {@code fsync} (under {@code group} and {@code always}) before
     * delivering any of it. Every event is durable per the journal's policy before it is delivered, as
     * with {@link #emit}; handlers receive the events in list order, each as {@link #emit} delivers it.
     * Use it where one thread has many events at hand (an import, a bridge draining its queue): a
     * journalled bus then makes about 40 to 60 times more durable events per second from one thread
     * than with {@link #emit}, which waits for one {@code fsync} per event (figures in the project's
     * docs/performance.md).
     *
     * <p>Failures are all or a prefix: an event the bus refuses before writing (too large) fails the
     * whole batch with nothing emitted; a failure of the journal in the middle of a batch leaves the
     * events before it emitted (durable and delivered) and the rest not. Either way an {@link
     * EventBatchException} says how many, from the first, were emitted. The default implementation
     * emits the events one by one with {@link #emit}.
     *
     * @param events the events; an empty list does nothing
     * @throws NullPointerException if {@code events} or one of its events is {@code null}; nothing was
     *                              emitted
     * @throws EventBatchException  if not every event was emitted; {@link EventBatchException#accepted()}
     *                              tells how many were
     * @since 1.1
     */
    default void emitAll(List<DomainEvent> events) {
        List<DomainEvent> batch = List.copyOf(events);
        for (int i = 0; i < batch.size(); i++) {
            try {
                emit(batch.get(i));
            } catch (EventRejectedException e) {
                throw new EventBatchException(i, batch.size(), e);
            }
        }
    }

    /**
     * Subscribes a handler to one event type.
     *
     * @param type    the type
     * @param handler the handler
     * @return the subscription, active until closed
     * @throws NullPointerException   if an argument is {@code null}
     * @throws EventRejectedException if the bus is closed
     */
    Subscription subscribe(EventType type, EventHandler handler);

    /**
     * Subscribes a handler to a set of event types.
     *
     * @param types   the types, not empty
     * @param handler the handler
     * @return the subscription, active until closed
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code types} is empty
     * @throws EventRejectedException   if the bus is closed
     */
    Subscription subscribe(Set<EventType> types, EventHandler handler);

    /**
     * Subscribes a handler to the events of a set of types that match an LDAP filter over their fields
     * (see {@link EventBusConstants#EVENT_FILTER} for the attribute names). A handler subscribed without a
     * filter pays nothing for this feature.
     *
     * @param types   the types, not empty
     * @param filter  the LDAP filter, for example {@code (&(plan_id=p-1)(details.tool=search))}
     * @param handler the handler
     * @return the subscription, active until closed
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code types} is empty or {@code filter} is not a valid LDAP
     *                                  filter; the message names the filter and what is wrong
     * @throws EventRejectedException   if the bus is closed
     * @since 1.1
     */
    Subscription subscribe(Set<EventType> types, String filter, EventHandler handler);

    /**
     * Subscribes an <em>observer</em> to a set of event types: it receives their events like a handler
     * (same thread, order and isolation), but does not count as a receiver, so an event that reaches only
     * observers is still unhandled (see {@link EventBusConstants#EVENT_OBSERVER}).
     *
     * @param types    the types, not empty
     * @param observer the observer
     * @return the subscription, active until closed
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code types} is empty
     * @throws EventRejectedException   if the bus is closed
     * @since 1.1
     */
    Subscription observe(Set<EventType> types, EventHandler observer);

    /**
     * Subscribes a handler to every event type.
     *
     * @param handler the handler
     * @return the subscription, active until closed
     * @throws NullPointerException   if {@code handler} is {@code null}
     * @throws EventRejectedException if the bus is closed
     */
    Subscription subscribeAll(EventHandler handler);

    /**
     * A consistent-enough snapshot of this bus's counters, for monitoring.
     *
     * @return the metrics, never {@code null}
     */
    EventBusMetrics metrics();
}
