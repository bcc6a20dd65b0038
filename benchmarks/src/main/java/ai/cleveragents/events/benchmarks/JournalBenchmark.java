package ai.cleveragents.events.benchmarks;

import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.benchmarks.peers.Peers;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reactive bus with its write-ahead journal, per durability policy, with 1 and 2 producers and
 * one synchronous subscriber: journal appends (= emits) per second and sample-time latency of an
 * emit, which returns once the event is durable per the policy. Default group-commit settings
 * (2 ms, 256 events), journal in a temporary directory.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JournalBenchmark extends PeerBenchmark {

    /** The durability policy. */
    @Param({"none", "group", "always"})
    public String durability;

    /** Opens the bus and its journal. */
    @Setup
    public void setUp() {
        target = Peers.create("reactive-" + durability, Receivers.of(1), Fixtures.typical());
    }

    /** One producer: emits per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void emitThroughput() {
        target.emit();
    }

    /** One producer: time per emit, sampled. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void emitLatency() {
        target.emit();
    }

    /** Two producers: emits per second, together. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public void emitThroughput2() {
        target.emit();
    }

    /** Two producers: time per emit, sampled. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public void emitLatency2() {
        target.emit();
    }
}
