package ai.cleveragents.events.console.web.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.cleveragents.events.dispatch.redaction.JsonStrings;
import ai.cleveragents.events.dispatch.redaction.TerminalText;

/**
 * A JSON object of named fields (a plan, a decision) passed through the same rules as events: values
 * under sensitive keys masked by the current policy, sensitive-looking text masked, every string escaped.
 */
final class SafeFields {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Adds a field; {@code null} values are written as JSON null, instants as ISO-8601 text. */
    SafeFields put(String name, Object value) {
        fields.put(name, value instanceof Instant i ? i.toString() : value);
        return this;
    }

    /** @return the redacted, escaped fields as one JSON object */
    String json() {
        return JsonStrings.write(TerminalText.escapeAll(ConsoleRedaction.current().redact(fields)));
    }
}
