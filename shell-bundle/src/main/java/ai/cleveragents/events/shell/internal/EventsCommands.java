package ai.cleveragents.events.shell.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.io.UncheckedIOException;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.SwapSafeEmitter;
import ai.cleveragents.events.dispatch.redaction.TerminalText;
import ai.cleveragents.events.json.EventCodec;

/**
 * The {@code events:*} Gogo commands. Each parses its arguments in a plain class and fails with a
 * one-line {@link CommandException} plus usage; this component only reaches the services. Every command prints
 * its report on the session ({@link SessionText}). Like any
 * consumer it binds greedily to the highest-ranked {@link EventBus}, and it is usable with none.
 */
@Component(service = EventsCommands.class, property = {
    "osgi.command.scope=events",
    "osgi.command.function=buses",
    "osgi.command.function=emit",
    "osgi.command.function=tail",
    "osgi.command.function=stats",
    "osgi.command.function=subscribers",
    "osgi.command.function=journal"})
public final class EventsCommands {

    private static final int TAIL_CAPACITY = 10_000;

    private final BundleContext context;
    private final EventCodec codec = new EventCodec();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceReference<EventBus> bus;

    /** The same bound bus as {@link #bus}, as the service object {@link #emitter} emits on. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus boundBus;

    private final SwapSafeEmitter emitter = new SwapSafeEmitter(() -> boundBus);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventJournal journal;

    @Activate
    public EventsCommands(BundleContext context) {
        this.context = context;
    }

    @Descriptor("list every EventBus service: ranking, bundle, events emitted; * marks the one consumers use")
    public void buses(CommandSession session) {
        SessionText.print(session, ThreadNameGuard.call("events:buses", () -> BusReports.buses(busViews()).stripTrailing()));
    }

    @Descriptor("emit an event: events:emit <type> [key=value ...] [--plan ID] [--root-plan ID] [--session ID]"
            + " [--actor NAME] [--project NAME] [--correlation ID] [--count N]; values are JSON when they parse,"
            + " else strings; --count emits N such events in batches (one correlation id, one fsync per batch)")
    public void emit(CommandSession session, @Descriptor("<type> [key=value ...] [options]") String... args) {
        SessionText.print(session, ThreadNameGuard.call("events:emit", () -> {
            DomainEvent event = EmitRequest.parse(args);
            int count = EmitRequest.count(args);
            return count == 1 ? EmitRequest.emit(emitter, this::boundBusName, event)
                    : EmitRequest.emitAll(emitter, this::boundBusName, event, count);
        }));
    }

    private String boundBusName() {
        ServiceReference<EventBus> ref = bus;
        return ref == null ? "-" : String.valueOf(ref.getProperty(EventBusConstants.BUS_NAME));
    }

    @Descriptor("print live events, one line each (sensitive details masked): events:tail [-n N]"
            + " [--timeout SECONDS] [--from ID|TIME|beginning] [type|domain.*|*]; with --from, first the journal's"
            + " events from there, then the live ones, in journal order; ends after N events, the timeout, or when"
            + " the shell stops")
    public void tail(CommandSession session,
            @Descriptor("[-n N] [--timeout SECONDS] [--from ID|TIME|beginning] [selector]") String... args) {
        ThreadNameGuard.run("events:tail", () -> {
            TailRequest request = TailRequest.parse(args);
            LongSupplier clock = () -> System.nanoTime() / 1_000_000;
            Tail tail = request.from().isPresent() ? Tail.waiting(TAIL_CAPACITY, clock) : new Tail(TAIL_CAPACITY, clock);
            Runnable stopFeed = request.from().isPresent() ? catchUp(request, tail) : live(request, tail);
            try {
                tail.print(request, session.getConsole());
            } finally {
                stopFeed.run();
            }
        });
    }

    /** Registers {@code tail} as a whiteboard observer of the live events; returns what ends that. */
    private Runnable live(TailRequest request, Tail tail) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_TYPES, request.selector());
        props.put(EventBusConstants.EVENT_OBSERVER, Boolean.TRUE);
        ServiceRegistration<EventHandler> registration = context.registerService(EventHandler.class, tail, props);
        return registration::unregister;
    }

    /**
     * Subscribes {@code tail} to the journal from {@code --from}; returns what ends that.
     *
     * @throws CommandException without a journal, or when {@code --from} names an event not in it
     */
    private Runnable catchUp(TailRequest request, Tail tail) {
        EventJournal j = journal;
        if (j == null) {
            throw new CommandException("tail --from: " + JournalQuery.NO_JOURNAL);
        }
        try {
            return j.subscribeFrom(request.from().get(), request.types(), tail)::close;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new CommandException("tail --from: " + TerminalText.escape(e.getMessage()), TailRequest.USAGE);
        }
    }

    @Descriptor("show the counters of every bus and of every other metrics source")
    public void stats(CommandSession session) {
        SessionText.print(session, ThreadNameGuard.call("events:stats", () -> {
            Map<String, Map<String, Long>> sources = new TreeMap<>();
            for (ServiceReference<MetricsSource> ref : references(MetricsSource.class)) {
                use(ref, MetricsSource::metrics).ifPresent(m -> sources.put(String.valueOf(ref.getProperty(EventBusConstants.METRICS_NAME)), m));
            }
            return BusReports.stats(busViews(), sources).stripTrailing();
        }));
    }

    @Descriptor("list every subscription of every bus with its owning bundle, whiteboard handlers included")
    public void subscribers(CommandSession session) {
        SessionText.print(session, ThreadNameGuard.call("events:subscribers", () -> BusReports.subscribers(busViews()).stripTrailing()));
    }

    @Descriptor("query and replay the audit journal: events:journal [--from ID|TIME] [--type T[,T...]] [-n N] [--json];"
            + " without --from the last N (20), with it the first N from there; events:journal --verify checks the"
            + " whole journal (sequence, hash chain, every line) and fails if anything is wrong")
    public void journal(CommandSession session,
            @Descriptor("[--from ID|TIME] [--type T] [-n N] [--json] | --verify") String... args) {
        SessionText.print(session, ThreadNameGuard.call("events:journal", () -> JournalCheck.journal(args, journal, codec)));
    }

    private List<BusView> busViews() {
        ServiceReference<EventBus> bound = bus;
        long boundId = bound == null ? -1 : (Long) bound.getProperty(Constants.SERVICE_ID);
        List<BusView> views = new ArrayList<>();
        for (ServiceReference<EventBus> ref : references(EventBus.class)) {
            String owner = ref.getBundle().getSymbolicName() + " [" + ref.getBundle().getBundleId() + "]";
            use(ref, b -> BusView.of(FrameworkUtil.asMap(ref.getProperties()), owner, boundId, b.metrics())).ifPresent(views::add);
        }
        return BusView.byRanking(views);
    }

    /** Applies {@code action} to the service, if it is still there, and releases it. */
    private <S, R> Optional<R> use(ServiceReference<S> ref, Function<S, R> action) {
        S service = context.getService(ref);
        if (service == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(action.apply(service));
        } finally {
            context.ungetService(ref);
        }
    }

    private <S> List<ServiceReference<S>> references(Class<S> type) {
        try {
            return new ArrayList<>(context.getServiceReferences(type, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter given", e);
        }
    }
}
