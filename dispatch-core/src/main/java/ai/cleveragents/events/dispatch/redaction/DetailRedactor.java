package ai.cleveragents.events.dispatch.redaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import ai.cleveragents.events.DomainEvent;

/**
 * Masks sensitive detail values for output: a value whose key matches the key pattern (searched,
 * case-insensitively, in the key as written and in its {@linkplain KeyNames#canonical canonical
 * spelling}) is replaced by {@value #MASK}, at any depth of nested maps and lists (a list's elements have
 * no key: maps inside it are searched). A masked map or list is masked as a whole. Every other string
 * goes through the enabled {@link ValueDetector}s, which mask secrets by their form (a JWT, a
 * {@code Bearer} credential, a URL password, a PEM private key, sensitive keys inside a JSON string).
 *
 * <p>Redaction returns new containers only where something was masked and never changes its input, so
 * the event subscribers receive stays as emitted. Immutable and thread-safe. The policy that builds the
 * redactor every component uses is {@link RedactionPolicy}; {@link RedactionPolicyTracker} follows it.
 */
public final class DetailRedactor {

    /** What a sensitive value is replaced by. */
    public static final String MASK = "***";

    /**
     * The default key pattern: passwords and passphrases (also {@code pwd}, {@code pass}), secrets,
     * tokens (but not token counts such as {@code prompt_tokens} or {@code token_count}), API, SSH,
     * session and private keys, a key named just {@code key}, authorization and {@code auth}, bearer,
     * credentials, cookies, session ids, signatures, one-time passwords, PINs, DSNs and connection
     * strings. The short words only match as a whole word of the key ({@code db_pass} but not
     * {@code passenger}).
     */
    public static final String DEFAULT_PATTERN = "password|passwd|passphrase|secret|token(?!s|_?counts?|i[sz])"
            + "|api[_-]?key|ssh[_-]?key|private[_-]?key|session[_-]?(?:id|key)|authori[sz]ation|bearer|credential"
            + "|cookie|signature|connection[_-]?string|(?<![a-z0-9])(?:pwd|pass|auth|otp|pin|dsn)(?![a-z0-9])|^key$";

    private static final DetailRedactor OFF = new DetailRedactor(null, Set.of());
    private static final DetailRedactor DEFAULTS = new DetailRedactor(compilePattern(DEFAULT_PATTERN),
            EnumSet.allOf(ValueDetector.class));

    /** {@code null} when keys are not matched. */
    private final Pattern pattern;
    private final Set<ValueDetector> detectors;

    private DetailRedactor(Pattern pattern, Set<ValueDetector> detectors) {
        this.pattern = pattern;
        this.detectors = detectors;
    }

    /**
     * A redactor that matches keys only, as in 1.0 (no value detectors).
     *
     * @param regex a Java regular expression searched in each key, case-insensitively; {@code null}
     *              or blank turns redaction off
     * @return the redactor
     * @throws PatternSyntaxException if {@code regex} is not a valid regular expression
     */
    public static DetailRedactor compile(String regex) {
        return regex == null || regex.isBlank() ? OFF : new DetailRedactor(compilePattern(regex), Set.of());
    }

    /**
     * @param regex     the key pattern; {@code null} or blank matches no key
     * @param detectors the value detectors to apply
     * @return the redactor
     * @throws PatternSyntaxException if {@code regex} is not a valid regular expression
     */
    public static DetailRedactor of(String regex, Set<ValueDetector> detectors) {
        Pattern keys = regex == null || regex.isBlank() ? null : compilePattern(regex);
        return keys == null && detectors.isEmpty() ? OFF
                : new DetailRedactor(keys, Collections.unmodifiableSet(EnumSet.copyOf(detectorSet(detectors))));
    }

    /** @return the default policy: {@link #DEFAULT_PATTERN} and every value detector */
    public static DetailRedactor defaults() {
        return DEFAULTS;
    }

    private static Set<ValueDetector> detectorSet(Set<ValueDetector> detectors) {
        return detectors.isEmpty() ? EnumSet.noneOf(ValueDetector.class) : detectors;
    }

    private static Pattern compilePattern(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** @return {@code false} if this redactor masks nothing */
    public boolean isEnabled() {
        return pattern != null || !detectors.isEmpty();
    }

    /** @return the value detectors this redactor applies */
    public Set<ValueDetector> detectors() {
        return detectors;
    }

    /**
     * @param key a detail key
     * @return {@code true} if values under {@code key} are masked
     */
    public boolean isSensitive(String key) {
        if (pattern == null) {
            return false;
        }
        String canonical = KeyNames.canonical(key);
        return pattern.matcher(key).find() || (canonical != key && pattern.matcher(canonical).find());
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

    /**
     * @param text a string that has no key (a context field, a log argument), or {@code null}
     * @return the text with what the value detectors find masked ({@code text} itself if nothing is)
     */
    public String redactText(String text) {
        if (text == null || detectors.isEmpty()) {
            return text;
        }
        String out = text;
        for (ValueDetector detector : detectors) {
            out = detector == ValueDetector.JSON_STRINGS ? redactJson(out) : detector.mask(out);
        }
        return out;
    }

    /**
     * @param event an event
     * @return the event with its details redacted and its context fields passed through the value
     *         detectors ({@code event} itself if nothing was masked); ids, type and time are kept
     */
    public DomainEvent redact(DomainEvent event) {
        Map<String, Object> details = redact(event.details());
        String plan = redactText(event.planId());
        String root = redactText(event.rootPlanId());
        String session = redactText(event.sessionId());
        String actor = redactText(event.actorName());
        String project = redactText(event.projectName());
        if (details == event.details() && plan == event.planId() && root == event.rootPlanId()
                && session == event.sessionId() && actor == event.actorName() && project == event.projectName()) {
            return event;
        }
        return event.toBuilder().details(details).planId(plan).rootPlanId(root).sessionId(session)
                .actorName(actor).projectName(project).build();
    }

    private String redactJson(String text) {
        Optional<Object> parsed = JsonStrings.read(text);
        if (parsed.isEmpty()) {
            return text;
        }
        Object redacted = redactInside(parsed.get());
        return redacted == parsed.get() ? text : JsonStrings.write(redacted);
    }

    private Object redactInside(Object value) {
        if (value instanceof String text) {
            return redactText(text);
        }
        if (pattern == null && detectors.isEmpty()) {
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
