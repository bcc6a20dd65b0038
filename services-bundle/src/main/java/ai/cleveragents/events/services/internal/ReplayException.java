package ai.cleveragents.events.services.internal;

import ai.cleveragents.events.DomainEvent;

/**
 * A journal event that contradicts the state rebuilt so far (a move the phase model forbids, a
 * decision changed twice): it is not applied. The message names the event by id and type only, never
 * by text taken from the journal, so it is safe for a log line.
 */
final class ReplayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param event the event not applied
     * @param what  what is wrong with it, written by the services (no journal text)
     */
    ReplayException(DomainEvent event, String what) {
        super("event " + event.eventId() + " (" + event.eventType().id() + ") " + what);
    }
}
