package ai.cleveragents.events.dispatch.redaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Escapes the characters that let text forge a line or drive a terminal: C0 controls, DEL, C1 controls
 * (ESC and CSI sequences included), bidirectional overrides and isolates, and the line and paragraph
 * separators. Line feed, carriage return and tab become {@code \n}, {@code \r}, {@code \t}; the others
 * {@code \}{@code uXXXX}. Every escape is also a JSON string escape, so escaping a JSON text keeps it
 * exact JSON with the same value (these characters can only occur inside its strings). Everything else,
 * backslashes included, is kept. Stateless and thread-safe.
 */
public final class TerminalText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalText() {
    }

    /**
     * @param c a character
     * @return {@code true} if {@link #escape} replaces it
     */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || (c >= '\u2028' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * @param text any text, or {@code null}
     * @return the text with every unsafe character escaped ({@code text} itself if it holds none)
     */
    public static String escape(String text) {
        if (text == null || isSafe(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                        .append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param value a JSON-compatible value
     * @return the value with every string in it, map keys included, {@link #escape escaped} (the value
     *         itself if nothing needed escaping)
     */
    public static Object escapeAll(Object value) {
        if (value instanceof String text) {
            return escape(text);
        }
        if (value instanceof Map<?, ?> map) {
            return escapeMap(map);
        }
        if (value instanceof List<?> list) {
            return escapeList(list);
        }
        return value;
    }

    private static Map<?, ?> escapeMap(Map<?, ?> map) {
        Map<Object, Object> copy = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object key = escapeAll(e.getKey());
            Object value = escapeAll(e.getValue());
            if (copy == null && (key != e.getKey() || value != e.getValue())) {
                copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> before : map.entrySet()) {
                    if (before.getKey() == e.getKey()) {
                        break;
                    }
                    copy.put(before.getKey(), before.getValue());
                }
            }
            if (copy != null) {
                copy.put(key, value);
            }
        }
        return copy == null ? map : Collections.unmodifiableMap(copy);
    }

    private static List<?> escapeList(List<?> list) {
        List<Object> copy = null;
        for (int i = 0; i < list.size(); i++) {
            Object escaped = escapeAll(list.get(i));
            if (escaped != list.get(i) && copy == null) {
                copy = new ArrayList<>(list.subList(0, i));
            }
            if (copy != null) {
                copy.add(escaped);
            }
        }
        return copy == null ? list : Collections.unmodifiableList(copy);
    }
}
