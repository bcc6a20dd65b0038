package ai.cleveragents.events.dispatch;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBatchException;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synchronous dispatch engine both buses are built on: handler registry, ordered and isolated
 * delivery on the emitting thread, unhandled-event routing (observers do not make an event handled), metrics, and a close that never
 * half-delivers an event.
 *
 * <p>Thread-safe: emit, subscribe and close may race from any threads. Handlers of one type run in
 * subscription order; events emitted by one thread reach each handler in emission order. An emit from
 * a handler (re-entrant) passes the stage at once and is delivered once the event being delivered has
 * reached every handler ({@link Cascade}); one outermost emit may cause at most
 * {@value Cascade#MAX_NESTED} of them.
 */
public final class DispatchEngine {

    /** Metric: re-entrant emits refused because a cascade exceeded {@value Cascade#MAX_NESTED}. */
    public static final String CASCADE_REFUSED = "dispatch.cascade.refused";

    private static final Logger LOG = LoggerFactory.getLogger(DispatchEngine.class);

    private final String busName;
    private final EmitStage stage;
    private final HandlerRegistry registry = new HandlerRegistry();
    private final DispatchMetrics metrics = new DispatchMetrics();
    private final EmitGate gate;
    private final FailureReporter failures;
    private final ThreadLocal<Cascade> cascades = ThreadLocal.withInitial(Cascade::new);

    /**
     * @param busName the bus's short name, used in messages
     * @param stage   the bus-specific step run before synchronous dispatch
     */
    public DispatchEngine(String busName, EmitStage stage) {
        this(busName, stage, new FailureReporter(busName, FailureReporter.DEFAULT_INTERVAL_NANOS, System::nanoTime));
    }

    DispatchEngine(String busName, EmitStage stage, FailureReporter failures) {
        this.busName = Objects.requireNonNull(busName, "busName");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.gate = new EmitGate(busName);
        this.failures = failures;
    }

    /** @return the bus's short name */
    public String busName() {
        return busName;
    }

    /**
     * Emits an event from no particular bundle ({@link Emitters#UNKNOWN}).
     *
     * @see #emit(DomainEvent, String)
     */
    public void emit(DomainEvent event) {
        emit(event, Emitters.UNKNOWN);
    }

    /**
     * Runs the stage, then every handler of the event's type.
     *
     * @param event   the event
     * @param emitter who emits it, as made by {@link Emitters}
     * @throws NullPointerException if {@code event} is {@code null}
     * @throws ai.cleveragents.events.EventRejectedException if the engine is closed or the stage refused it
     */
    public void emit(DomainEvent event, String emitter) {
        Objects.requireNonNull(event, "event");
        Cascade cascade = cascades.get();
        if (cascade.isDelivering() && !cascade.hasRoomFor(1)) {
            throw refuseNested(cascade, event);
        }
        gate.enter();
        try {
            boolean elsewhere = stage.beforeDispatch(event, emitter);
            metrics.emitted(event.eventType());
            if (cascade.isDelivering()) {
                cascade.defer(event, elsewhere);
            } else {
                deliverCascade(cascade, event, elsewhere);
            }
        } finally {
            gate.exit();
        }
    }

    /**
     * Runs the stage for a batch, then delivers the events it accepted in list order (as one cascade:
     * events their handlers emit come after the whole batch, as in the journal).
     *
     * @param events  the events
     * @param emitter who emits them, as made by {@link Emitters}
     * @throws NullPointerException if {@code events} or one of them is {@code null}; nothing was emitted
     * @throws EventBatchException  if the engine is closed, the cascade has no room for the batch, or the
     *                              stage refused an event; the accepted prefix was delivered
     */
    public void emitAll(List<DomainEvent> events, String emitter) {
        List<DomainEvent> batch = List.copyOf(events);
        if (batch.isEmpty()) {
            return;
        }
        Cascade cascade = cascades.get();
        if (cascade.isDelivering() && !cascade.hasRoomFor(batch.size())) {
            throw new EventBatchException(0, batch.size(), refuseNested(cascade, batch.get(0)));
        }
        try {
            gate.enter();
        } catch (EventRejectedException closed) {
            throw new EventBatchException(0, batch.size(), closed);
        }
        try {
            EmitStage.Staged staged = stage.beforeDispatchAll(batch, emitter);
            deliverBatch(cascade, batch, staged);
            if (staged.failure() != null) {
                throw new EventBatchException(staged.accepted(), batch.size(), staged.failure());
            }
        } finally {
            gate.exit();
        }
    }

    private void deliverBatch(Cascade cascade, List<DomainEvent> batch, EmitStage.Staged staged) {
        for (int i = 0; i < staged.accepted(); i++) {
            metrics.emitted(batch.get(i).eventType());
        }
        if (cascade.isDelivering()) {
            for (int i = 0; i < staged.accepted(); i++) {
                cascade.defer(batch.get(i), staged.elsewhere()[i]);
            }
            return;
        }
        cascade.begin();
        try {
            for (int i = 0; i < staged.accepted(); i++) {
                dispatch(cascade, batch.get(i), staged.elsewhere()[i]);
            }
            drain(cascade);
        } finally {
            cascade.end();
        }
    }

    /** Delivers an outermost event, then every event its handlers emitted, in emission order. */
    private void deliverCascade(Cascade cascade, DomainEvent event, boolean elsewhere) {
        cascade.begin();
        try {
            dispatch(cascade, event, elsewhere);
            drain(cascade);
        } finally {
            cascade.end();
        }
    }

    private void drain(Cascade cascade) {
        for (Cascade.Pending p = cascade.next(); p != null; p = cascade.next()) {
            dispatch(cascade, p.event(), p.elsewhere());
        }
    }

    private EventRejectedException refuseNested(Cascade cascade, DomainEvent event) {
        metrics.cascadeRefused();
        failures.reportCascade(cascade.current(), event, Cascade.MAX_NESTED);
        return new EventRejectedException(EventRejectedException.Reason.CASCADE_LIMIT, busName + " bus: "
                + event.eventType().id() + " " + event.eventId() + " refused: handlers already emitted "
                + Cascade.MAX_NESTED + " events while delivering one event (a handler re-emitting without end?)",
                null);
    }

    private void dispatch(Cascade cascade, DomainEvent event, boolean elsewhere) {
        int reached = deliver(cascade, registry.forType(event.eventType()), event);
        if (reached == 0 && !elsewhere) {
            metrics.unhandled(event.eventType());
            deliver(cascade, registry.unhandledHandlers(), event);
        }
    }

    /** @return how many handlers (not observers) were invoked, whether or not they threw */
    private int deliver(Cascade cascade, Registration[] handlers, DomainEvent event) {
        int invoked = 0;
        int succeeded = 0;
        for (Registration r : handlers) {
            if (!r.isActive() || (r.filter != null && !r.filter.matches(event))) {
                continue;
            }
            if (r.counts()) {
                invoked++;
            }
            cascade.invoking(r);
            try {
                r.handler.handle(event);
                succeeded++;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                metrics.failed();
                failures.report(r, event, t);
            }
        }
        metrics.delivered(succeeded);
        return invoked;
    }

    /**
     * @param types   the types, not empty
     * @param handler the handler
     * @param owner   the owning bundle (closed with {@link #closeOwner}), or {@code null}
     * @return the subscription
     * @throws ai.cleveragents.events.EventRejectedException if the engine is closed
     */
    public Subscription subscribe(Set<EventType> types, EventHandler handler, Object owner) {
        requireOpen();
        return registry.add(types, handler, owner, false);
    }

    /**
     * @param types   the types, not empty
     * @param filter  an LDAP filter over the event's fields ({@link EventProperties})
     * @param handler the handler
     * @param owner   the owning bundle, or {@code null}
     * @return the subscription
     * @throws IllegalArgumentException if the filter is invalid, naming it
     * @throws ai.cleveragents.events.EventRejectedException if the engine is closed
     */
    public Subscription subscribe(Set<EventType> types, String filter, EventHandler handler, Object owner) {
        HandlerFilter parsed = HandlerFilter.parse(filter);
        requireOpen();
        return registry.add(types, handler, parsed, owner, false, Registration.Role.HANDLER);
    }

    /**
     * Subscribes an observer: it receives the events of its types like a handler, but an event that
     * reaches only observers is still unhandled.
     *
     * @param types    the types, not empty
     * @param observer the observer
     * @param owner    the owning bundle, or {@code null}
     * @return the subscription
     * @throws ai.cleveragents.events.EventRejectedException if the engine is closed
     */
    public Subscription observe(Set<EventType> types, EventHandler observer, Object owner) {
        requireOpen();
        return registry.add(types, observer, null, owner, false, Registration.Role.OBSERVER);
    }

    /** @see #subscribe(Set, EventHandler, Object) */
    public Subscription subscribe(EventType type, EventHandler handler, Object owner) {
        return subscribe(EnumSet.of(Objects.requireNonNull(type, "type")), handler, owner);
    }

    /** @see #subscribe(Set, EventHandler, Object) */
    public Subscription subscribeAll(EventHandler handler, Object owner) {
        return subscribe(EnumSet.allOf(EventType.class), handler, owner);
    }

    Registration addWhiteboard(Set<EventType> types, HandlerFilter filter, EventHandler handler, Object owner,
            Registration.Role role) {
        return registry.add(types, handler, filter, owner, true, role);
    }

    Registration addUnhandledHandler(EventHandler handler, Object owner) {
        return registry.addUnhandled(handler, owner);
    }

    /**
     * Closes every subscription {@code owner} made through {@code subscribe}.
     *
     * @param owner the owner given when subscribing
     */
    public void closeOwner(Object owner) {
        registry.removeOwner(owner);
    }

    /**
     * An {@link EventBus} over this engine whose subscriptions belong to {@code owner}; for use outside
     * OSGi (tests, benchmarks) and by {@link BusService}'s per-bundle service factory.
     *
     * @param owner the owner of subscriptions made through the view, or {@code null}
     * @return the view
     */
    public EventBus view(Object owner) {
        return new OwnedEventBus(this, owner);
    }

    /** @return a snapshot of the counters */
    public EventBusMetrics metrics() {
        return new MetricsSnapshot(metrics.emitted(), metrics.deliveries(), metrics.failures(),
                metrics.unhandled(), stage.drops(), stage.streamSubscribers(), registry.size(),
                registry.describe(), extraMetrics());
    }

    /** The stage's counters, then the engine's own beyond the API's fixed ones. */
    private Map<String, Long> extraMetrics() {
        Map<String, Long> extra = new LinkedHashMap<>(stage.extraMetrics());
        extra.put(CASCADE_REFUSED, metrics.cascadeRefusals());
        return extra;
    }

    /** @return {@code true} once {@link #close} has started */
    public boolean isClosed() {
        return gate.isClosed();
    }

    /**
     * Closes the engine: new emits and subscriptions are rejected with
     * {@link ai.cleveragents.events.EventRejectedException.Reason#CLOSED}; then {@code afterGateClosed}
     * runs (for example to complete a stream so that blocked emitters return); then the emits in flight
     * are awaited (up to {@code drainTimeoutMillis}) and every subscription is closed. Idempotent.
     *
     * @param afterGateClosed what to run once no new emit can start
     * @param drainTimeoutMillis how long to wait for emits in flight
     */
    public void close(Runnable afterGateClosed, long drainTimeoutMillis) {
        gate.close();
        afterGateClosed.run();
        if (!gate.awaitDrained(drainTimeoutMillis, TimeUnit.MILLISECONDS)) {
            LOG.warn("{} bus: emits still running {} ms after close; closing subscriptions anyway",
                    busName, drainTimeoutMillis);
        }
        registry.removeAll();
    }

    private void requireOpen() {
        if (gate.isClosed()) {
            throw gate.closedException();
        }
    }
}
