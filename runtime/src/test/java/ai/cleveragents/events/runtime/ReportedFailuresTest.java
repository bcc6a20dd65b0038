package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class ReportedFailuresTest {

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final ReportedFailures watch = new ReportedFailures(sink);
    private final PrintStream out = new PrintStream(watch, true, StandardCharsets.UTF_8);

    @Test
    public void passesEverythingThroughAndNotesTheFirstExceptionLine() {
        out.println("START LEVEL 5");
        out.println("12:00:00.000 WARN  a.b.C - java.io.IOException: in a log line");
        assertNull(watch.failure());
        out.println("java.net.MalformedURLException: no protocol: ai.cleveragents.events.bus.reactive");
        out.println("org.osgi.framework.BundleException");
        assertEquals("java.net.MalformedURLException: no protocol: ai.cleveragents.events.bus.reactive", watch.failure());
        assertEquals(4, sink.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    public void anUnfinishedLineCountsAndLongLinesAreCut() throws IOException {
        out.print("x".repeat(1_000) + "\n");
        assertNull(watch.failure());
        watch.write("java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        assertEquals("java.lang.IllegalStateException", watch.failure());
        assertEquals(1_000 + 1 + 31, sink.size());
    }

    @Test
    public void exceptionNamesInTextAreNotFailures() {
        out.println("the IllegalStateException is documented");
        out.println("Exception: bare");
        out.println("java.util.List");
        assertNull(watch.failure());
    }
}
