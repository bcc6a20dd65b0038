package ai.cleveragents.events.benchmarks.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Executors;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.benchmarks.Receiver;
import ai.cleveragents.events.benchmarks.Receivers;
import ai.cleveragents.events.benchmarks.TempFiles;
import ai.cleveragents.events.bus.logging.internal.BenchmarkLoggingBus;
import ai.cleveragents.events.bus.reactive.internal.BenchmarkReactiveBus;
import ai.cleveragents.events.dispatch.DispatchEngine;

import com.google.common.eventbus.AsyncEventBus;
import com.google.common.eventbus.EventBus;

/** Creates a {@link Peer} by the name the benchmarks use in their {@code peer} parameter. */
public final class Peers {

    private Peers() {
    }

    /**
     * @param name      the peer's name
     * @param receivers the subscribers to attach
     * @param event     the event it emits
     * @return the peer, ready to emit
     * @throws IllegalArgumentException for an unknown name
     */
    public static Peer create(String name, Receivers receivers, DomainEvent event) {
        switch (name) {
            case "direct":
                return new DirectPeer(receivers, event);
            case "reactive":
                return reactive("off", receivers, event, false);
            case "reactive-none":
                return reactive("none", receivers, event, false);
            case "reactive-group":
                return reactive("group", receivers, event, false);
            case "reactive-always":
                return reactive("always", receivers, event, false);
            case "reactive-stream":
                return reactive("off", receivers, event, true);
            case "logging":
                return logging(true, receivers, event);
            case "logging-off":
                return logging(false, receivers, event);
            case "dispatch-core":
                DispatchEngine engine = new DispatchEngine("reactive", (e, emitter) -> false);
                return new BusPeer(engine.view(null), receivers, event, () -> engine.close(() -> { }, 1_000));
            case "guava":
                return new GuavaPeer(new EventBus(), null, receivers, event);
            case "guava-async":
                var executor = Executors.newCachedThreadPool();
                return new GuavaPeer(new AsyncEventBus(executor), executor, receivers, event);
            case "eventadmin-send":
                return new EventAdminPeer(receivers, event, false, Map.of());
            case "eventadmin-post":
                return new EventAdminPeer(receivers, event, true, Map.of());
            case "eventadmin-send-tuned":
                return new EventAdminPeer(receivers, event, false, EventAdminPeer.TUNED);
            case "eventadmin-post-tuned":
                return new EventAdminPeer(receivers, event, true, EventAdminPeer.TUNED);
            case "typedevent":
                return new TypedEventPeer(receivers, event);
            case "submission-publisher":
                return new SubmissionPublisherPeer(receivers, event);
            default:
                throw new IllegalArgumentException("unknown peer " + name);
        }
    }

    /** The logging bus writing each record to a file, or with its event loggers' level disabled. */
    private static Peer logging(boolean enabled, Receivers receivers, DomainEvent event) {
        try {
            BenchmarkLoggingBus logging = BenchmarkLoggingBus.open(enabled);
            return new BusPeer(logging.bus(), receivers, event, logging::close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reactive bus with a journal policy ({@code off} for none), its receivers subscribed either
     * as synchronous handlers or as stream subscribers.
     */
    private static Peer reactive(String journal, Receivers receivers, DomainEvent event, boolean stream) {
        BenchmarkReactiveBus reactive;
        try {
            reactive = BenchmarkReactiveBus.open(journal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runnable closer = () -> {
            reactive.close();
            if (reactive.journalDirectory() != null) {
                TempFiles.deleteTree(reactive.journalDirectory());
            }
        };
        if (stream) {
            for (Receiver r : receivers.all()) {
                reactive.stream().subscribe(r);
            }
            return new BusPeer(reactive.bus(), Receivers.of(0), event, closer);
        }
        return new BusPeer(reactive.bus(), receivers, event, closer);
    }
}
