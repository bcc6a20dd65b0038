package ai.cleveragents.events;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Describes one subscription of a bus, for monitoring (the shell's {@code events:subscribers}).
 */
@ProviderType
public interface SubscriptionInfo {

    /** @return the owning bundle as {@code symbolic-name [id]}, or {@code -} when not owned by a bundle */
    String owner();

    /** @return the types the handler receives (all dead events for an unhandled-event handler) */
    Set<EventType> types();

    /** @return {@code true} for a whiteboard {@link EventHandler} service, {@code false} for {@link EventBus#subscribe} */
    boolean whiteboard();

    /** @return {@code true} for a handler registered with {@link EventBusConstants#EVENT_UNHANDLED} */
    boolean unhandled();

    /**
     * @return {@code true} for an observer ({@link EventBusConstants#EVENT_OBSERVER}, {@link EventBus#observe}),
     *         which does not make an event handled
     * @since 1.1
     */
    default boolean observer() {
        return false;
    }

    /** @return the handler's class name */
    String handler();
}
