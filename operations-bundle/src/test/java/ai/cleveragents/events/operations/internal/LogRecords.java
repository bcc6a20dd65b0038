package ai.cleveragents.events.operations.internal;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.slf4j.LoggerFactory;

/** What the real Logback backend received on its root logger while attached. */
final class LogRecords implements AutoCloseable {

    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogRecords() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(appender);
    }

    /** @return "LEVEL logger - message" per record */
    List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " - "
                    + e.getFormattedMessage()).toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
