package ai.cleveragents.events.console.web.internal;

import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.dispatch.redaction.TerminalText;
import ai.cleveragents.events.json.EventCodec;

/**
 * An event as the console sends it: the wire format of the JSON codec, after the shell's rules, redacted
 * by the current policy ({@link ConsoleRedaction}) and with every control, bidi and line-separator
 * character of its text escaped ({@link TerminalText}). The pages add nothing: they insert text with
 * {@code textContent}, never as HTML.
 */
final class EventJson {

    private static final EventCodec CODEC = new EventCodec();

    private EventJson() {
    }

    /**
     * @param event an event
     * @return its safe JSON, on one line
     */
    static String of(DomainEvent event) {
        return CODEC.encode(safe(event));
    }

    /**
     * @param event an event
     * @return the event redacted and escaped
     */
    @SuppressWarnings("unchecked")
    static DomainEvent safe(DomainEvent event) {
        DomainEvent e = ConsoleRedaction.current().redact(event);
        return e.toBuilder()
                .details((Map<String, Object>) TerminalText.escapeAll(e.details()))
                .planId(TerminalText.escape(e.planId()))
                .rootPlanId(TerminalText.escape(e.rootPlanId()))
                .sessionId(TerminalText.escape(e.sessionId()))
                .actorName(TerminalText.escape(e.actorName()))
                .projectName(TerminalText.escape(e.projectName()))
                .build();
    }
}
