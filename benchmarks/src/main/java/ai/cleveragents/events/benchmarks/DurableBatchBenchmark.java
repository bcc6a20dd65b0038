package ai.cleveragents.events.benchmarks;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.bus.reactive.internal.BenchmarkReactiveBus;

/**
 * Durable throughput of the reactive bus (issue 15): one producer through {@link EventBus#emitAll} in
 * batches of {@value #BATCH}, against one producer and 16 producers through plain {@link EventBus#emit},
 * in the same run, journal {@code group} (or {@code always}) with the default group-commit settings and
 * one synchronous subscriber. The latency benchmark samples one {@code emitAll} call: the time until
 * every event of the batch is durable and delivered, i.e. each event's acknowledgement latency at most.
 * After each trial it prints the journal's events per {@code fsync}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DurableBatchBenchmark {

    /** Events per {@code emitAll} call. */
    public static final int BATCH = 256;

    /** The durability policy. */
    @Param({"group"})
    public String durability;

    private BenchmarkReactiveBus reactive;
    private EventBus bus;
    private DomainEvent event;
    private List<DomainEvent> batch;

    /** Opens the bus and its journal. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        reactive = BenchmarkReactiveBus.open(durability);
        bus = reactive.bus();
        Receiver receiver = Receivers.of(1).all()[0];
        bus.subscribeAll(receiver);
        event = Fixtures.typical();
        batch = Collections.nCopies(BATCH, event);
    }

    /** Prints events per fsync, closes the bus and deletes the journal. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Map<String, Long> journal = bus.metrics().extra();
        long fsyncs = journal.getOrDefault("journal.fsyncs", 0L);
        System.out.printf("%n[%s] events per fsync: %.1f (%d appends, %d fsyncs)%n", durability,
                fsyncs == 0 ? 0.0 : (double) journal.get("journal.appends") / fsyncs, journal.get("journal.appends"),
                fsyncs);
        reactive.close();
        TempFiles.deleteTree(reactive.journalDirectory());
    }

    /** One producer, batches: durable events per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void emitAllThroughput() {
        bus.emitAll(batch);
    }

    /** One producer, batches: time until a whole batch is durable and delivered, sampled. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void emitAllLatency() {
        bus.emitAll(batch);
    }

    /** One producer, plain emits: the peer of {@link #emitAllThroughput()}. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void emitThroughput() {
        bus.emit(event);
    }

    /** Sixteen producers, plain emits: durable events per second together (and events per fsync). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(16)
    public void emitThroughput16() {
        bus.emit(event);
    }
}
