package ai.cleveragents.events.dispatch.redaction;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The one redaction policy of the runtime, Config Admin PID {@value #PID}: the key pattern and the
 * value detectors that the logging bus, the shell, the Event Admin bridge and the journal all apply.
 * Properties: {@value #KEY_PATTERN} (a regular expression; default {@link DetailRedactor#DEFAULT_PATTERN},
 * empty matches no key) and one boolean per {@link ValueDetector} (its {@link ValueDetector#property()},
 * default {@code true}). No configuration means the defaults.
 */
public final class RedactionPolicy {

    /** The Config Admin PID of the policy. */
    public static final String PID = "ai.cleveragents.events.redaction";

    /** The property holding the key pattern. */
    public static final String KEY_PATTERN = "key.pattern";

    /** Metatype of {@value #PID} (Config Admin properties; {@code detect_jwt} is {@code detect.jwt}). */
    @ObjectClassDefinition(pid = PID, name = "CleverAgents redaction policy",
            description = "What the logging bus, the shell, the Event Admin bridge and the journal mask in event "
                    + "details and context fields. Applied live; an invalid value keeps the previous policy.")
    public @interface Config {
        @AttributeDefinition(name = "Key pattern", required = false,
                description = "Java regular expression searched, case-insensitively, in every detail key at any "
                        + "depth (as written and with diacritics removed and camel case split by _); matching "
                        + "values become ***. Empty: no key is sensitive (the detectors still apply).")
        String key_pattern() default DetailRedactor.DEFAULT_PATTERN;

        @AttributeDefinition(name = "Detect PEM private keys", description = "Mask -----BEGIN … PRIVATE KEY----- blocks.")
        boolean detect_pem_private_key() default true;

        @AttributeDefinition(name = "Detect URL passwords", description = "Mask the password of scheme://user:password@host.")
        boolean detect_url_credentials() default true;

        @AttributeDefinition(name = "Detect Bearer and Basic credentials", description = "Mask what follows Bearer or Basic.")
        boolean detect_bearer() default true;

        @AttributeDefinition(name = "Detect JWTs", description = "Mask JSON Web Tokens (eyJ….….…).")
        boolean detect_jwt() default true;

        @AttributeDefinition(name = "Detect JSON in strings", description = "Redact strings holding a JSON object or "
                + "array like details (sensitive keys inside them masked).")
        boolean detect_json_strings() default true;
    }

    private RedactionPolicy() {
    }

    /**
     * @param properties the configuration's properties, or {@code null} for none (the defaults)
     * @return the redactor they define
     * @throws IllegalArgumentException if a value is invalid; the message starts with the property name
     *                                  and says what is allowed
     */
    public static DetailRedactor redactor(Map<String, ?> properties) {
        if (properties == null) {
            return DetailRedactor.defaults();
        }
        Object pattern = properties.containsKey(KEY_PATTERN) ? properties.get(KEY_PATTERN) : DetailRedactor.DEFAULT_PATTERN;
        Set<ValueDetector> detectors = EnumSet.noneOf(ValueDetector.class);
        for (ValueDetector detector : ValueDetector.values()) {
            if (flag(properties, detector.property())) {
                detectors.add(detector);
            }
        }
        try {
            return DetailRedactor.of(pattern == null ? null : String.valueOf(pattern), detectors);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(KEY_PATTERN + ": invalid regular expression '"
                    + TerminalText.escape(e.getPattern()) + "': " + e.getDescription() + " at index " + e.getIndex(), e);
        }
    }

    private static boolean flag(Map<String, ?> properties, String name) {
        Object value = properties.get(name);
        if (value == null || value instanceof Boolean) {
            return value == null || (Boolean) value;
        }
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(name + ": expected true or false, got '"
                    + TerminalText.escape(String.valueOf(value)) + "'");
        }
        return Boolean.parseBoolean(text);
    }
}
