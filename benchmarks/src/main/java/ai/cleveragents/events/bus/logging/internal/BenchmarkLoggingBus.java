package ai.cleveragents.events.bus.logging.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.dispatch.DispatchEngine;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;

/**
 * The logging bus exactly as its DS component assembles it (its log stage with the default redaction
 * over the shared dispatch engine), without OSGi, for the benchmarks, logging through a Logback
 * context of its own: a file appender with Logback's defaults (flush per record), or the event
 * loggers' level set above INFO so that nothing is written. It lives in the bus's internal package
 * because that assembly is package-private; this split package exists only on the benchmark class
 * path and is never shipped.
 */
public final class BenchmarkLoggingBus implements AutoCloseable {

    private final LoggerContext logback;
    private final DispatchEngine engine;
    private final Path logFile;

    private BenchmarkLoggingBus(LoggerContext logback, DispatchEngine engine, Path logFile) {
        this.logback = logback;
        this.engine = engine;
        this.logFile = logFile;
    }

    /**
     * @param enabled {@code true} to write every record to a temporary file, {@code false} for the
     *                event loggers' level disabled
     * @return a running bus
     * @throws IOException if the log file cannot be created
     */
    public static BenchmarkLoggingBus open(boolean enabled) throws IOException {
        LoggerContext logback = new LoggerContext();
        logback.setMDCAdapter(new LogbackMDCAdapter());
        Path logFile = Files.createTempFile("bench-logging-bus", ".log");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logback);
        encoder.setPattern("%d %level %logger %msg %kvp%n");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(logback);
        file.setFile(logFile.toString());
        file.setEncoder(encoder);
        file.start();
        ch.qos.logback.classic.Logger events = logback.getLogger("ai.cleveragents.events");
        events.addAppender(file);
        events.setAdditive(false);
        events.setLevel(enabled ? Level.INFO : Level.WARN);
        DispatchEngine engine = new DispatchEngine("logging",
                new EventLogStage(logback, DetailRedactor::defaults));
        return new BenchmarkLoggingBus(logback, engine, logFile);
    }

    /** @return the bus, as consumers see the {@code EventBus} service */
    public EventBus bus() {
        return engine.view(null);
    }

    /** Closes the bus, stops Logback and deletes the log file. */
    @Override
    public void close() {
        engine.close(() -> { }, 1_000);
        logback.stop();
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
