package ai.cleveragents.events;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A handle on a subscription made with {@link EventBus#subscribe}. Thread-safe.
 */
@ProviderType
public interface Subscription extends AutoCloseable {

    /**
     * Ends the subscription. Idempotent: later calls do nothing. After it returns, no delivery to the
     * handler starts; a delivery already running on another thread may still complete.
     */
    @Override
    void close();

    /**
     * @return {@code true} until {@link #close()} is called or the bus or the owning bundle stops
     */
    boolean isActive();
}
