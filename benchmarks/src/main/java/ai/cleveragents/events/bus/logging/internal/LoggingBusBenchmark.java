package ai.cleveragents.events.bus.logging.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.DispatchEngine;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Smoke benchmark of one emit with one handler: {@code bare} is the dispatch engine with no stage (the
 * floor), {@code disabled} the logging bus with the event's domain logger below its level, {@code file}
 * the logging bus writing each record (with redaction) through a Logback file appender that flushes
 * every record (Logback's default), {@code buffered} the same without a flush per record. Run by hand
 * from the benchmark jar ({@code java -jar benchmarks/target/benchmarks.jar LoggingBusBenchmark}, see
 * docs/logging-bus.md); it sits in the logging bus's internal package, on the benchmark class path only,
 * to build the bus's log stage; with {@code -prof gc}, {@code gc.alloc.rate.norm} of {@code disabled} must
 * equal that of {@code bare}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LoggingBusBenchmark {

    @Param({"bare", "disabled", "file", "buffered"})
    public String logging;

    private LoggerContext logback;
    private Path logFile;
    private DispatchEngine engine;
    private EventBus bus;
    private DomainEvent event;

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void setUp(Blackhole blackhole) throws IOException {
        logback = new LoggerContext();
        logback.setMDCAdapter(new LogbackMDCAdapter());
        logFile = Files.createTempFile("logging-bus-bench", ".log");
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logback);
        encoder.setPattern("%d %level %logger %msg %kvp%n");
        encoder.start();
        file.setContext(logback);
        file.setFile(logFile.toString());
        file.setEncoder(encoder);
        file.setImmediateFlush(!"buffered".equals(logging));
        file.start();
        logback.getLogger("ai.cleveragents.events").addAppender(file);
        logback.getLogger("ai.cleveragents.events").setLevel(
                "file".equals(logging) || "buffered".equals(logging) ? Level.INFO : Level.WARN);
        engine = "bare".equals(logging) ? new DispatchEngine("bare", (e, emitter) -> false)
                : new DispatchEngine("logging", new EventLogStage(logback,
                        DetailRedactor::defaults));
        bus = engine.view(null);
        bus.subscribe(EventType.PLAN_PHASE_CHANGED, blackhole::consume);
        event = DomainEvent.builder(EventType.PLAN_PHASE_CHANGED).planId("p-1").sessionId("s-1")
                .detail("from", "planning").detail("to", "executing").detail("api_key", "k-1")
                .detail("steps", List.of(Map.of("tool", "http", "token", "t"))).build();
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Trial)
    public void tearDown() throws IOException {
        engine.close(() -> { }, 1_000);
        logback.stop();
        Files.deleteIfExists(logFile);
    }

    @Benchmark
    public void emit() {
        bus.emit(event);
    }
}
