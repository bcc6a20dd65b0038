package ai.cleveragents.events.benchmarks;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.bus.reactive.internal.BenchmarkReactiveBus;

/**
 * Durable throughput of the reactive bus (issue 15): one producer through {@link EventBus#emitAll} in
 * batches of {@code batch} events, against one producer and 16 producers through plain {@link
 * EventBus#emit}, in the same run, journal {@code group} (or {@code always}) with the default
 * group-commit settings and one synchronous subscriber. {@code emitAllThroughput} counts batches as
 * operations and events in its {@code events} counter (events per second). The latency benchmark
 * samples one {@code emitAll} call: the time until every event of the batch is durable and delivered,
 * i.e. each event's acknowledgement latency at most. After each trial it prints the journal's events
 * per {@code fsync}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DurableBatchBenchmark {

    /** The durability policy. */
    @Param({"group"})
    public String durability;

    /** Events per {@code emitAll} call. */
    @Param({"256", "1024"})
    public int batch;

    /** Events emitted by one benchmark thread, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        /** Events emitted. */
        public long events;
    }

    private BenchmarkReactiveBus reactive;
    private EventBus bus;
    private DomainEvent event;
    private List<DomainEvent> events;

    /** Opens the bus and its journal. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        reactive = BenchmarkReactiveBus.open(durability);
        bus = reactive.bus();
        Receiver receiver = Receivers.of(1).all()[0];
        bus.subscribeAll(receiver);
        event = Fixtures.typical();
        events = Collections.nCopies(batch, event);
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

    /** One producer, batches: batches per second, and durable events per second in {@code events}. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void emitAllThroughput(Events counter) {
        bus.emitAll(events);
        counter.events += batch;
    }

    /** One producer, batches: time until a whole batch is durable and delivered, sampled. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void emitAllLatency() {
        bus.emitAll(events);
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
