package ai.cleveragents.events.dispatch.redaction;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/**
 * The injection corpus of issue 16: newline, ESC/CSI/OSC, C1 CSI, bidi override, line separator.
 */
public class TerminalTextTest {

    static final List<String> INJECTIONS = List.of("a\nFORGED 12:00 INFO line", "a\r\nb", "\u001b[31mred\u001b[0m",
            "\u001b]0;title\u0007", "\u009b2J", "\u202eevil", "x\u2028y\u2029z", "tab\there", "del\u007f",
            "\u2066iso\u2069", "\u200fmark\u061c");

    @Test
    public void noUnsafeCharacterSurvives() {
        for (String text : INJECTIONS) {
            String escaped = TerminalText.escape(text);
            assertFalse(escaped, escaped.chars().anyMatch(c -> TerminalText.isUnsafe((char) c)));
        }
    }

    @Test
    public void escapesAreReadableAndJsonCompatible() {
        assertEquals("a\\nb\\r\\tc", TerminalText.escape("a\nb\r\tc"));
        assertEquals("\\u001b[31m \\u009b \\u202e \\u2028 \\u0000", TerminalText.escape("\u001b[31m \u009b \u202e \u2028 \u0000"));
    }

    @Test
    public void safeTextIsReturnedAsIs() {
        String text = "plain text, ünïcödé, 日本語, back\\slash";
        assertSame(text, TerminalText.escape(text));
        assertEquals(null, TerminalText.escape(null));
    }

    @Test
    public void escapesEveryStringInsideValuesKeysIncluded() {
        Object value = Map.of("k\n", List.of("v\u001b", 1, Map.of("ok", "fine")));
        assertEquals(Map.of("k\\n", List.of("v\\u001b", 1, Map.of("ok", "fine"))), TerminalText.escapeAll(value));
        Object safe = Map.of("k", List.of("v", 2));
        assertSame(safe, TerminalText.escapeAll(safe));
        assertSame(INJECTIONS.size(), TerminalText.escapeAll(INJECTIONS.size()));
    }
}
