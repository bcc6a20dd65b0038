package ai.cleveragents.events.bus.logging.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;

import org.slf4j.event.KeyValuePair;

/** A real Logback context whose records under {@code ai.cleveragents.events} are kept in a list. */
final class LogCapture {

    private static final String EVENTS = "ai.cleveragents.events";

    final LoggerContext context;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        this(new LoggerContext());
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    LogCapture(LoggerContext context) {
        this.context = context;
        appender.setContext(context);
        appender.start();
        Logger events = context.getLogger(EVENTS);
        events.setLevel(Level.INFO);
        events.addAppender(appender);
    }

    /** Sets the level of {@code logger}. */
    void level(String logger, Level level) {
        context.getLogger(logger).setLevel(level);
    }

    List<ILoggingEvent> records() {
        return List.copyOf(appender.list);
    }

    ILoggingEvent only() {
        List<ILoggingEvent> records = records();
        if (records.size() != 1) {
            throw new AssertionError("expected one record, got " + records);
        }
        return records.get(0);
    }

    void detach() {
        context.getLogger(EVENTS).detachAppender(appender);
        context.getLogger(EVENTS).setLevel(null);
    }

    /** The record's key-values in order; a repeated key would fail. */
    static Map<String, Object> keyValues(ILoggingEvent record) {
        Map<String, Object> kv = new LinkedHashMap<>();
        for (KeyValuePair p : record.getKeyValuePairs()) {
            if (kv.containsKey(p.key)) {
                throw new AssertionError("repeated key " + p.key);
            }
            kv.put(p.key, p.value);
        }
        return kv;
    }
}
