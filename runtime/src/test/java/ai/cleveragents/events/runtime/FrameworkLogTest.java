package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.framework.Logger;
import org.junit.Test;

public class FrameworkLogTest {

    @Test
    public void oneLineWithTheInnermostCause() {
        Exception e = new IllegalStateException("outer", new IOException("disk\nfull"));
        assertEquals("felix ERROR: cannot start: IOException: disk full", FrameworkLog.line(Logger.LOG_ERROR, "cannot start", e));
        assertEquals("felix WARN: w", FrameworkLog.line(Logger.LOG_WARNING, "w", null));
        assertEquals("felix INFO: i", FrameworkLog.line(Logger.LOG_INFO, "i", null));
        assertEquals("felix DEBUG: d", FrameworkLog.line(Logger.LOG_DEBUG, "d", null));
        assertEquals("NullPointerException", FrameworkLog.rootCause(new NullPointerException()));
    }

    @Test
    public void logsThroughTheFrameworkLoggerApi() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameworkLog log = new FrameworkLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.setLogLevel(Logger.LOG_WARNING);
        log.log(Logger.LOG_ERROR, "boom");
        log.log(Logger.LOG_DEBUG, "hidden");
        assertEquals("felix ERROR: boom" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
