package ai.cleveragents.events;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives domain events, either through {@link EventBus#subscribe} or as a whiteboard service.
 *
 * <p><b>Whiteboard.</b> Register an implementation as an OSGi service with the property
 * {@value EventBusConstants#EVENT_TYPES} (a String or String[] of ids, {@code domain.*} or {@code *});
 * every bus delivers to it, so it keeps receiving events across bus swaps without doing anything.
 * With {@value EventBusConstants#EVENT_UNHANDLED}{@code =true} it instead receives the events that
 * reached no other handler and no stream subscriber.
 *
 * <p><b>Threading.</b> The bus calls {@link #handle} synchronously on the emitting thread; events
 * emitted by one thread arrive in emission order; events from different threads may arrive
 * concurrently, so an implementation receiving from several threads must be thread-safe.
 */
@ConsumerType
@FunctionalInterface
public interface EventHandler {

    /**
     * Handles one event.
     *
     * @param event the event, never {@code null}
     * @throws Exception anything; the bus logs it (rate-limited), counts it as a handler failure and
     *                   goes on delivering to the other handlers. The emitter never sees it.
     */
    void handle(DomainEvent event) throws Exception;
}
