package ai.cleveragents.events.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reactive bus's audit journal alone, per durability policy, with 1 and 2 producers: appends per
 * second and sample-time latency of an append (which returns once the event is durable per policy).
 * Default group-commit settings; segments rotate at 64 MiB and at most 256 MiB are kept.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JournalBenchmark {

    /** The durability policy. */
    @Param({"none", "group", "always"})
    public String durability;

    private Path directory;
    private Journal journal;
    private final DomainEvent event = Fixtures.typical();

    /**
     * Opens a journal in a fresh temporary directory.
     *
     * @throws IOException if it cannot
     */
    @Setup
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("bench-journal");
        JournalSettings settings = JournalSettings.defaults(directory)
                .withDurability(Durability.valueOf(durability.toUpperCase(Locale.ROOT)));
        journal = Journal.open(new JournalSettings(settings.directory(), settings.durability(),
                settings.groupIntervalMillis(), settings.groupMaxEvents(), settings.segmentMaxBytes(),
                Duration.ZERO, 256L << 20));
    }

    /**
     * Closes the journal and deletes its files.
     *
     * @throws IOException if closing fails
     */
    @TearDown
    public void tearDown() throws IOException {
        journal.close();
        TempFiles.deleteTree(directory);
    }

    /** One producer: appends per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void appendThroughput() {
        journal.append(event);
    }

    /** One producer: time per append, sampled. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void appendLatency() {
        journal.append(event);
    }

    /** Two producers: appends per second, together. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public void appendThroughput2() {
        journal.append(event);
    }

    /** Two producers: time per append, sampled. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public void appendLatency2() {
        journal.append(event);
    }
}
