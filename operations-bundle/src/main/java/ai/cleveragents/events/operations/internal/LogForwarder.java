package ai.cleveragents.events.operations.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.LogLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every OSGi Log Service entry (SCR, Config Admin, FileInstall, Event Admin, Metatype) to SLF4J,
 * so they reach Logback: the console (WARN and up) and {@code data/log/runtime.log}. The logger is
 * {@code osgi.<symbolic name of the logging bundle>}; the entry is one line, its exception reduced to
 * the innermost cause. The Log Service's records of bundle, service and framework events are logged at
 * DEBUG unless they are warnings or errors. Warnings and errors become the latest problem {@code events:health} shows. At
 * activation the warnings and errors already in the Log Service's history are forwarded too, so
 * problems of bundles that started first are not lost.
 */
@Component(service = LogForwarder.class, immediate = true)
public final class LogForwarder implements LogListener {

    /** Logger names of the Log Service's own bundle, service and framework event entries. */
    static final String EVENTS = "Events.";

    private final LogReaderService reader;
    private final Problems problems = new Problems();

    @Activate
    public LogForwarder(@Reference LogReaderService reader) {
        this.reader = reader;
        List<LogEntry> history = new ArrayList<>();
        for (Enumeration<?> e = reader.getLog(); e.hasMoreElements();) {
            LogEntry entry = (LogEntry) e.nextElement();
            if (LogLevel.WARN.implies(entry.getLogLevel())) {
                history.add(entry);
            }
        }
        Collections.reverse(history);
        history.forEach(this::logged);
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        String source = bundle == null || bundle.getSymbolicName() == null ? "unknown" : bundle.getSymbolicName();
        Logger log = LoggerFactory.getLogger("osgi." + source);
        String line = OneLine.of(entry.getMessage(), entry.getException());
        LogLevel level = entry.getLogLevel();
        if (entry.getLoggerName() != null && entry.getLoggerName().startsWith(EVENTS) && !LogLevel.WARN.implies(level)) {
            log.debug(line);
            return;
        }
        switch (level) {
            case AUDIT, ERROR -> problems.error(log, source, line);
            case WARN -> {
                log.warn(line);
                problems.remember(source, line);
            }
            case INFO -> log.info(line);
            default -> log.debug(line);
        }
    }

    /** @return where problems are logged and the latest one kept */
    Problems problems() {
        return problems;
    }
}
