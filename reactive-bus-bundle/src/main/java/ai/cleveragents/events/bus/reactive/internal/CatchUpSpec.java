package ai.cleveragents.events.bus.reactive.internal;

import java.util.Set;

import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.dispatch.HandlerFilter;
import ai.cleveragents.events.dispatch.WhiteboardHandlers;
import ai.cleveragents.events.dispatch.redaction.TerminalText;

import org.osgi.framework.ServiceReference;

/**
 * What a catch-up whiteboard handler asks for, from its service properties.
 *
 * @param types      {@value EventBusConstants#EVENT_TYPES}; empty (every type) when absent
 * @param filter     {@value EventBusConstants#EVENT_FILTER}, or {@code null}
 * @param from       {@value EventBusConstants#EVENT_FROM}; the beginning when absent
 * @param checkpoint {@value EventBusConstants#EVENT_CHECKPOINT}, or {@code null}
 */
record CatchUpSpec(Set<EventType> types, HandlerFilter filter, JournalPosition from, String checkpoint) {

    /** The service filter selecting catch-up handlers. */
    static final String SERVICES = "(&(objectClass=ai.cleveragents.events.EventHandler)(|(" + EventBusConstants.EVENT_FROM
            + "=*)(" + EventBusConstants.EVENT_CHECKPOINT + "=*)))";

    /**
     * @param ref the handler's service
     * @return what it asks for
     * @throws IllegalArgumentException if a property is invalid; the message names the property and the
     *                                  allowed values, with the value escaped
     */
    static CatchUpSpec of(ServiceReference<?> ref) {
        Object types = ref.getProperty(EventBusConstants.EVENT_TYPES);
        Object filter = ref.getProperty(EventBusConstants.EVENT_FILTER);
        Object checkpoint = ref.getProperty(EventBusConstants.EVENT_CHECKPOINT);
        return new CatchUpSpec(types == null ? Set.of() : WhiteboardHandlers.parseSelectors(types),
                filter == null ? null : HandlerFilter.parse(String.valueOf(filter)),
                from(ref.getProperty(EventBusConstants.EVENT_FROM)),
                checkpoint == null ? null : String.valueOf(checkpoint));
    }

    private static JournalPosition from(Object property) {
        if (property == null) {
            return JournalPosition.beginning();
        }
        try {
            return JournalPosition.parse(String.valueOf(property));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + EventBusConstants.EVENT_FROM + " '"
                    + TerminalText.escape(String.valueOf(property)) + "': expected " + JournalPosition.SYNTAX, e);
        }
    }
}
