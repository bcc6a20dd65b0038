package ai.cleveragents.events.operations.internal;

import static org.junit.Assert.assertEquals;

import java.io.UncheckedIOException;
import java.io.IOException;

import org.junit.Test;

public class OneLineTest {

    @Test
    public void controlCharactersBecomeVisibleEscapes() {
        assertEquals("a\\u000aforged\\u001b[31m\\u2028", OneLine.of("a\nforged\u001b[31m\u2028"));
        assertEquals("null", OneLine.of(null));
    }

    @Test
    public void longTextIsCut() {
        String cut = OneLine.of("x".repeat(2_000));
        assertEquals(OneLine.MAX + 1, cut.length());
        assertEquals('…', cut.charAt(OneLine.MAX));
    }

    @Test
    public void anExceptionIsReducedToItsInnermostCause() {
        Exception e = new IllegalStateException("outer", new UncheckedIOException(new IOException("disk full")));
        assertEquals("write failed: java.io.IOException: disk full", OneLine.of("write failed", e));
        assertEquals("boom: java.lang.IllegalStateException", OneLine.of("boom", new IllegalStateException()));
        assertEquals("plain", OneLine.of("plain", null));
    }
}
