package ai.cleveragents.events.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;
import ai.cleveragents.events.services.internal.BenchmarkServices;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the services take to rebuild at activation from a journal of {@link #events} events written
 * by real plans and decisions (see {@link BenchmarkServices#write}): the whole journal is replayed and
 * decoded, the plan or decision events folded. One shot per iteration, as at a start. Run alone:
 * {@code java -jar benchmarks/target/benchmarks.jar RebuildBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RebuildBenchmark {

    /** Events in the journal. */
    @Param("1000000")
    public int events;

    private Path directory;
    private Journal journal;

    /** Writes the journal once. */
    @Setup(Level.Trial)
    public void write() throws IOException {
        directory = Files.createTempDirectory("bench-rebuild");
        journal = Journal.open(JournalSettings.defaults(directory).withDurability(Durability.NONE));
        BenchmarkServices.write(journal, events / BenchmarkServices.EVENTS_PER_PLAN);
    }

    /** Closes and deletes the journal. */
    @TearDown(Level.Trial)
    public void delete() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }

    /** @return how many plan events the journal holds: the replay alone, the floor under {@link #rebuildPlans} */
    @Benchmark
    public long replayOnly() {
        try (Stream<DomainEvent> replay = journal.replaySince(Instant.EPOCH, BenchmarkServices.PLAN_TYPES)) {
            return replay.count();
        }
    }

    /** @return the plan service rebuilt from the journal */
    @Benchmark
    public Object rebuildPlans() {
        return BenchmarkServices.rebuildPlans(journal).plans();
    }

    /** @return the decision service rebuilt from the journal */
    @Benchmark
    public Object rebuildDecisions() {
        return BenchmarkServices.rebuildDecisions(journal).metrics();
    }
}
