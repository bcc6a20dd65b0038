package ai.cleveragents.events.bus.reactive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.bus.reactive.internal.journal.Checkpoint;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.dispatch.redaction.TerminalText;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catch-up whiteboard: subscribes each {@link EventHandler} service with
 * {@value EventBusConstants#EVENT_FROM} or {@value EventBusConstants#EVENT_CHECKPOINT} to the journal
 * ({@link Journal#subscribeFrom}, or {@link Journal#resume} from its stored checkpoint), and closes the
 * subscription when the service goes (storing the checkpoint). A service whose properties are invalid,
 * whose checkpoint name is taken by another service, or whose checkpoint cannot be read or does not fit
 * the journal is not subscribed, with one ERROR line naming it and what is wrong; a change of its
 * properties tries again. Thread-safe.
 */
final class CatchUpHandlers implements ServiceTrackerCustomizer<EventHandler, CatchUpHandlers.Tracked> {

    private static final Logger LOG = LoggerFactory.getLogger(CatchUpHandlers.class);

    private final BundleContext context;
    private final Supplier<Journal> journal;
    private final ServiceTracker<EventHandler, Tracked> tracker;
    /** Guarded by {@code this}: the checkpoint names of the subscribed handlers. */
    private final Set<String> names = new HashSet<>();

    /**
     * @param context the bus bundle's context
     * @param journal the journal in use
     */
    CatchUpHandlers(BundleContext context, Supplier<Journal> journal) {
        this.context = context;
        this.journal = journal;
        try {
            this.tracker = new ServiceTracker<>(context, context.createFilter(CatchUpSpec.SERVICES), this);
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

    /** A handler service and its subscription, if it got one. */
    static final class Tracked {
        final EventHandler handler;
        Subscription subscription;
        String name;

        Tracked(EventHandler handler) {
            this.handler = handler;
        }
    }

    @Override
    public Tracked addingService(ServiceReference<EventHandler> ref) {
        EventHandler handler = context.getService(ref);
        if (handler == null) {
            return null;
        }
        Tracked tracked = new Tracked(handler);
        subscribe(ref, tracked);
        return tracked;
    }

    @Override
    public void modifiedService(ServiceReference<EventHandler> ref, Tracked tracked) {
        unsubscribe(tracked);
        subscribe(ref, tracked);
    }

    @Override
    public void removedService(ServiceReference<EventHandler> ref, Tracked tracked) {
        unsubscribe(tracked);
        context.ungetService(ref);
    }

    private void subscribe(ServiceReference<EventHandler> ref, Tracked tracked) {
        try {
            CatchUpSpec spec = CatchUpSpec.of(ref);
            claim(spec.checkpoint());
            tracked.name = spec.checkpoint();
            try {
                tracked.subscription = start(spec, tracked.handler);
            } catch (IOException | RuntimeException e) {
                release(tracked);
                throw e;
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            LOG.error("reactive bus: catch-up EventHandler service {} of bundle {} is not subscribed: {}",
                    ref.getProperty(Constants.SERVICE_ID), ref.getBundle().getSymbolicName(),
                    TerminalText.escape(String.valueOf(e.getMessage())));
        }
    }

    private Subscription start(CatchUpSpec spec, EventHandler handler) throws IOException {
        Journal j = journal.get();
        EventHandler filtered = spec.filter() == null ? handler : e -> {
            if (spec.filter().matches(e)) {
                handler.handle(e);
            }
        };
        if (spec.checkpoint() == null) {
            return j.subscribeFrom(spec.from(), spec.types(), filtered);
        }
        CheckpointFile file = CheckpointFile.of(j.directory(), spec.checkpoint());
        Optional<Checkpoint> stored = file.read();
        CheckpointKeeper keeper = new CheckpointKeeper(file, stored.orElse(null));
        return stored.isPresent() ? j.resume(stored.get(), spec.types(), filtered, keeper)
                : j.subscribeFrom(spec.from(), spec.types(), filtered, keeper);
    }

    private synchronized void claim(String name) {
        if (name != null && !names.add(name)) {
            throw new IllegalArgumentException(EventBusConstants.EVENT_CHECKPOINT + " '" + TerminalText.escape(name)
                    + "' is already used by another handler; each catch-up handler needs a name of its own");
        }
    }

    private synchronized void release(Tracked tracked) {
        if (tracked.name != null) {
            names.remove(tracked.name);
            tracked.name = null;
        }
    }

    private void unsubscribe(Tracked tracked) {
        if (tracked.subscription != null) {
            tracked.subscription.close();
            tracked.subscription = null;
        }
        release(tracked);
    }
}
