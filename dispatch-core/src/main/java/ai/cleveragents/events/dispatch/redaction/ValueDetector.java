package ai.cleveragents.events.dispatch.redaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detectors of secrets by their form, whatever key they are stored under. Each masks only the secret
 * part of a string and keeps the rest readable; each can be switched off in the redaction policy by its
 * {@link #property()}.
 */
public enum ValueDetector {

    /** PEM private-key blocks ({@code -----BEGIN … PRIVATE KEY-----} to its end line, or the end of the text). */
    PEM_PRIVATE_KEY("detect.pem.private.key",
            "-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY-----.*?(?:-----END \\1PRIVATE KEY-----|\\z)",
            "-----BEGIN $1PRIVATE KEY-----" + DetailRedactor.MASK + "-----END $1PRIVATE KEY-----", "PRIVATE KEY"),

    /** The password in a URL's user-info ({@code postgres://bob:***@db}); the user name stays. */
    URL_CREDENTIALS("detect.url.credentials", "(?i)\\b([a-z][a-z0-9+.-]{0,30}://[^\\s/:@]*):[^\\s/]*@",
            "$1:" + DetailRedactor.MASK + "@", "://"),

    /** HTTP {@code Bearer} and {@code Basic} credentials; the scheme name stays. */
    BEARER("detect.bearer", "(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{6,}", "$1$2" + DetailRedactor.MASK, null),

    /** JSON Web Tokens (three base64url parts, the first starting {@code eyJ}). */
    JWT("detect.jwt", "\\beyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]*", DetailRedactor.MASK, "eyJ"),

    /**
     * Strings holding a JSON object or array: parsed, redacted like details (keys and values), and
     * written back as compact JSON if anything in them was masked.
     */
    JSON_STRINGS("detect.json.strings", null, null, null);

    private final String property;
    private final Pattern pattern;
    private final String replacement;
    /** A substring every match contains, to skip the regular expression cheaply; {@code null} if none. */
    private final String marker;

    ValueDetector(String property, String regex, String replacement, String marker) {
        this.property = property;
        this.pattern = regex == null ? null : Pattern.compile(regex, Pattern.DOTALL);
        this.replacement = replacement;
        this.marker = marker;
    }

    /** @return the redaction policy property that switches this detector ({@code true} by default) */
    public String property() {
        return property;
    }

    /**
     * @param text a string value
     * @return the text with what this detector finds masked ({@code text} itself if nothing is found);
     *         {@link #JSON_STRINGS} returns it unchanged (the redactor handles it)
     */
    String mask(String text) {
        if (pattern == null || text.length() < 8 || (marker != null && !text.contains(marker))) {
            return text;
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.replaceAll(replacement) : text;
    }
}
