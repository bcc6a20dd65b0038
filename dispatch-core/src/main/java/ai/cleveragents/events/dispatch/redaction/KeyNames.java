package ai.cleveragents.events.dispatch.redaction;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The canonical spelling a detail key is matched in besides its own: compatibility-decomposed with
 * diacritics removed ({@code pässword} and full-width {@code ｐａｓｓｗｏｒｄ} become {@code password}),
 * camel case split with {@code _} ({@code userPin} becomes {@code user_pin}), lower case.
 */
final class KeyNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CAMEL = Pattern.compile("(?<=[\\p{Ll}\\p{Nd}])(?=\\p{Lu})");

    private KeyNames() {
    }

    /**
     * @param key a detail key
     * @return its canonical spelling
     */
    static String canonical(String key) {
        if (isPlain(key)) {
            return key;
        }
        String plain = MARKS.matcher(Normalizer.normalize(key, Normalizer.Form.NFKD)).replaceAll("");
        return CAMEL.matcher(plain).replaceAll("_").toLowerCase(Locale.ROOT);
    }

    /** @return {@code true} if the key is ASCII without upper case: its own canonical spelling */
    private static boolean isPlain(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
