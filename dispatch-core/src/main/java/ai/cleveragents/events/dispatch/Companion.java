package ai.cleveragents.events.dispatch;

import java.util.Objects;

/**
 * A service a bus registers beside its {@link ai.cleveragents.events.EventBus} (the reactive bus's
 * {@code EventStream} and {@code EventJournal}): published, updated and unregistered together with the
 * bus by {@link BusService}, under the same properties.
 *
 * @param type    the service interface
 * @param service the service object
 * @param <S>     the service type
 */
public record Companion<S>(Class<S> type, S service) {

    /**
     * @throws NullPointerException if an argument is {@code null}
     */
    public Companion {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
    }
}
