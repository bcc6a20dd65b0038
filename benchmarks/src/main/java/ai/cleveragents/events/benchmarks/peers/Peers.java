package ai.cleveragents.events.benchmarks.peers;

import java.util.concurrent.Executors;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.benchmarks.Receivers;
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
            case "dispatch-core":
                DispatchEngine engine = new DispatchEngine("reactive", e -> false);
                return new BusPeer(engine.view(null), receivers, event, () -> engine.close(() -> { }, 1_000));
            case "guava":
                return new GuavaPeer(new EventBus(), null, receivers, event);
            case "guava-async":
                var executor = Executors.newCachedThreadPool();
                return new GuavaPeer(new AsyncEventBus(executor), executor, receivers, event);
            case "eventadmin-send":
                return new EventAdminPeer(receivers, event, false);
            case "eventadmin-post":
                return new EventAdminPeer(receivers, event, true);
            case "typedevent":
                return new TypedEventPeer(receivers, event);
            case "submission-publisher":
                return new SubmissionPublisherPeer(receivers, event);
            default:
                throw new IllegalArgumentException("unknown peer " + name);
        }
    }
}
