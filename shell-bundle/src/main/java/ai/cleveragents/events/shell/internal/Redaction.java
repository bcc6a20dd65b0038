package ai.cleveragents.events.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks sensitive detail values for display with the logging bus's default rule (its
 * {@code DetailRedactor.DEFAULT_PATTERN}, searched in each key, any case): passwords, secrets, tokens
 * (not token counts such as {@code max_tokens}), API keys, authorization, credentials, cookies and
 * private keys are shown as {@code ***}, in nested maps and lists too.
 */
final class Redaction {

    /** What replaces a sensitive value. */
    static final String MASK = "***";

    private static final Pattern SENSITIVE = Pattern.compile("password|passwd|secret|token(?!s)|api[_-]?key"
            + "|authorization|credential|cookie|private[_-]?key", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Redaction() {
    }

    /**
     * @param key a detail key
     * @return whether its value is masked
     */
    static boolean isSensitive(String key) {
        return SENSITIVE.matcher(key).find();
    }

    /**
     * @param details event details
     * @return a copy with sensitive values masked
     */
    static Map<String, Object> redact(Map<String, ?> details) {
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((key, value) -> copy.put(key, isSensitive(key) ? MASK : redactValue(value)));
        return copy;
    }

    private static Object redactValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            map.forEach((k, v) -> nested.put(String.valueOf(k), v));
            return redact(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(redactValue(element));
            }
            return copy;
        }
        return value;
    }
}
