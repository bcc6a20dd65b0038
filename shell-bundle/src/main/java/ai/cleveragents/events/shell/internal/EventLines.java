package ai.cleveragents.events.shell.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.StringJoiner;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.redaction.TerminalText;
import ai.cleveragents.events.dispatch.redaction.JsonStrings;

/**
 * Renders events and type sets for the console.
 */
final class EventLines {

    private EventLines() {
    }

    /**
     * One line per event: timestamp, type, id, the context fields that are set, and the details as
     * compact JSON, redacted by the current policy ({@link ShellRedaction}) and with every control,
     * bidi and line-separator character escaped ({@link TerminalText}), so an event can neither show a
     * secret nor forge a line or drive the terminal.
     *
     * @param emitted the event
     * @return the line, without a line break
     */
    static String line(DomainEvent emitted) {
        DomainEvent event = ShellRedaction.current().redact(emitted);
        StringJoiner line = new StringJoiner(" ");
        line.add(event.timestamp().toString()).add(event.eventType().id()).add(event.eventId());
        addIfSet(line, "plan", event.planId());
        addIfSet(line, "root_plan", event.rootPlanId());
        addIfSet(line, "session", event.sessionId());
        addIfSet(line, "actor", event.actorName());
        addIfSet(line, "project", event.projectName());
        line.add(JsonStrings.write(event.details()));
        return TerminalText.escape(line.toString());
    }

    private static void addIfSet(StringJoiner line, String name, String value) {
        if (value != null) {
            line.add(name + "=" + value);
        }
    }

    /**
     * The shortest selectors naming exactly the given types: {@code *} for all, {@code domain.*} for a
     * whole domain, ids otherwise.
     *
     * @param types a set of types
     * @return the selectors joined by commas, or {@code -} for none
     */
    static String selectors(Set<EventType> types) {
        if (types.isEmpty()) {
            return "-";
        }
        if (types.containsAll(EnumSet.allOf(EventType.class))) {
            return "*";
        }
        Set<String> out = new LinkedHashSet<>();
        for (EventType type : EventType.values()) {
            if (types.contains(type)) {
                out.add(types.containsAll(EventType.select(type.domain() + ".*")) ? type.domain() + ".*" : type.id());
            }
        }
        return String.join(",", out);
    }
}
