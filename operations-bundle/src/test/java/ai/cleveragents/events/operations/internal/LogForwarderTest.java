package ai.cleveragents.events.operations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

public class LogForwarderTest {

    private final LogRecords records = new LogRecords();
    private final List<LogListener> listeners = new ArrayList<>();
    private final List<LogEntry> history = new ArrayList<>();
    private final LogReaderService reader = StandIn.of(LogReaderService.class, Map.<String, StandIn.Answer>of(
            "getLog", a -> Collections.enumeration(history),
            "addLogListener", a -> listeners.add((LogListener) a[0]),
            "removeLogListener", a -> listeners.remove(a[0])));

    @After
    public void detach() {
        records.close();
    }

    private static LogEntry entry(String bsn, LogLevel level, String loggerName, String message, Throwable e) {
        Bundle bundle = bsn == null ? null : StandIn.of(Bundle.class, Map.of("getSymbolicName", a -> bsn));
        return StandIn.of(LogEntry.class, Map.of("getBundle", a -> bundle, "getLogLevel", a -> level,
                "getLoggerName", a -> loggerName, "getMessage", a -> message,
                "getException", a -> java.util.Optional.ofNullable(e).orElse(null)));
    }

    @Test
    public void forwardsEachEntryAsOneLineUnderTheBundlesName() {
        LogForwarder forwarder = new LogForwarder(reader);
        LogListener listener = listeners.get(0);
        listener.logged(entry("org.apache.felix.scr", LogLevel.ERROR, "org.apache.felix.scr",
                "activation failed\nforged line", new IllegalStateException("x", new NumberFormatException("abc"))));
        listener.logged(entry("org.apache.felix.fileinstall", LogLevel.WARN, "LogService", "cannot install", null));
        listener.logged(entry("org.apache.felix.configadmin", LogLevel.INFO, "LogService", "started", null));
        listener.logged(entry(null, LogLevel.DEBUG, null, "details", null));
        listener.logged(entry("org.apache.felix.eventadmin", LogLevel.INFO, "Events.Service", "ServiceEvent REGISTERED", null));
        listener.logged(entry("x", LogLevel.ERROR, "Events.Framework", "FrameworkEvent ERROR", null));
        assertEquals(List.of(
                "ERROR osgi.org.apache.felix.scr - activation failed\\u000aforged line: java.lang.NumberFormatException: abc",
                "WARN osgi.org.apache.felix.fileinstall - cannot install",
                "INFO osgi.org.apache.felix.configadmin - started",
                "DEBUG osgi.unknown - details",
                "DEBUG osgi.org.apache.felix.eventadmin - ServiceEvent REGISTERED",
                "ERROR osgi.x - FrameworkEvent ERROR"), records.lines());
        assertEquals("FrameworkEvent ERROR", forwarder.problems().last().orElseThrow().line());
        forwarder.deactivate();
        assertTrue(listeners.isEmpty());
    }

    @Test
    public void warningsAndErrorsOfTheHistoryAreForwardedOldestFirst() {
        history.add(entry("b", LogLevel.ERROR, "LogService", "newest", null));
        history.add(entry("b", LogLevel.INFO, "LogService", "not a problem", null));
        history.add(entry("a", LogLevel.WARN, "LogService", "oldest", null));
        LogForwarder forwarder = new LogForwarder(reader);
        assertEquals(List.of("WARN osgi.a - oldest", "ERROR osgi.b - newest"), records.lines());
        assertEquals("b", forwarder.problems().last().orElseThrow().source());
        assertTrue(forwarder.problems().last().orElseThrow().toString().endsWith(" b: newest"));
    }
}
