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
        if (text == null || text.chars().noneMatch(c -> isUnsafe((char) c))) {
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
        Map<Object, Object> copy = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object key = escapeAll(e.getKey());
            Object value = escapeAll(e.getValue());
            changed |= key != e.getKey() || value != e.getValue();
            copy.put(key, value);
        }
        return changed ? Collections.unmodifiableMap(copy) : map;
    }

    private static List<?> escapeList(List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        boolean changed = false;
        for (Object element : list) {
            Object escaped = escapeAll(element);
            changed |= escaped != element;
            copy.add(escaped);
        }
        return changed ? Collections.unmodifiableList(copy) : list;
    }
}
