package ai.cleveragents.events.dispatch.redaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Masks sensitive detail values for logging: a value whose key matches the pattern (searched anywhere
 * in the key, case-insensitively) is replaced by {@value #MASK}, at any depth of nested maps and lists
 * (a list's elements have no key: maps inside it are searched, plain values are kept). A masked map or
 * list is masked as a whole.
 *
 * <p>Redaction returns new containers only where something was masked and never changes its input, so
 * the event subscribers receive stays as emitted. Immutable and thread-safe.
 */
public final class DetailRedactor {

    /** What a sensitive value is logged as. */
    public static final String MASK = "***";

    /**
     * The default pattern: passwords, secrets, tokens (but not token counts such as {@code max_tokens}),
     * API keys in their usual spellings, authorization headers, credentials, cookies and private keys.
     */
    public static final String DEFAULT_PATTERN = "password|passwd|secret|token(?!s)|api[_-]?key|authorization"
            + "|credential|cookie|private[_-]?key";

    private static final DetailRedactor OFF = new DetailRedactor(null);

    /** {@code null} when redaction is off. */
    private final Pattern pattern;

    private DetailRedactor(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * @param regex a Java regular expression searched in each key, case-insensitively; {@code null}
     *              or blank turns redaction off
     * @return the redactor
     * @throws PatternSyntaxException if {@code regex} is not a valid regular expression
     */
    public static DetailRedactor compile(String regex) {
        if (regex == null || regex.isBlank()) {
            return OFF;
        }
        return new DetailRedactor(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** @return {@code false} if this redactor masks nothing */
    public boolean isEnabled() {
        return pattern != null;
    }

    /**
     * @param key a detail key
     * @return {@code true} if values under {@code key} are masked
     */
    public boolean isSensitive(String key) {
        return pattern != null && pattern.matcher(key).find();
    }

    /**
     * @param key   the key {@code value} is stored under
     * @param value a JSON-compatible value
     * @return {@value #MASK} if the key is sensitive, else {@code value} with its sensitive parts masked
     *         ({@code value} itself if it holds none)
     */
    public Object redact(String key, Object value) {
        return isSensitive(key) ? MASK : redactInside(value);
    }

    /**
     * @param details JSON-compatible details
     * @return the details with every sensitive value masked ({@code details} itself if none is)
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> redact(Map<String, Object> details) {
        return (Map<String, Object>) redactInside(details);
    }

    private Object redactInside(Object value) {
        if (pattern == null) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return redactMap(map);
        }
        if (value instanceof List<?> list) {
            return redactList(list);
        }
        return value;
    }

    private Map<?, ?> redactMap(Map<?, ?> map) {
        Map<Object, Object> copy = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object redacted = redact(String.valueOf(e.getKey()), e.getValue());
            if (redacted != e.getValue() && copy == null) {
                copy = new LinkedHashMap<>(map);
            }
            if (copy != null) {
                copy.put(e.getKey(), redacted);
            }
        }
        return copy == null ? map : Collections.unmodifiableMap(copy);
    }

    private List<?> redactList(List<?> list) {
        List<Object> copy = null;
        for (int i = 0; i < list.size(); i++) {
            Object redacted = redactInside(list.get(i));
            if (redacted != list.get(i) && copy == null) {
                copy = new ArrayList<>(list);
            }
            if (copy != null) {
                copy.set(i, redacted);
            }
        }
        return copy == null ? list : Collections.unmodifiableList(copy);
    }
}
