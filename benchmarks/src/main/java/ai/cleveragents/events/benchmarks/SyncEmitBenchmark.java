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
 * One producer emits to 1, 10 or 100 synchronous subscribers: throughput (emits per second) and
 * sample-time latency per emit; and two producers emitting concurrently ({@link #contended()}, run
 * with 10 subscribers by {@code ./bench}). Every peer delivers the same pre-built event to the same
 * {@link Receiver}s; an emit returns after every subscriber has run.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SyncEmitBenchmark extends PeerBenchmark {

    /** Which delivery path. */
    @Param({"direct", "reactive", "reactive-none", "reactive-group", "logging", "logging-off", "guava",
        "eventadmin-send", "eventadmin-send-tuned"})
    public String peer;

    /** How many subscribers. */
    @Param({"1", "10", "100"})
    public int subscribers;

    /** Builds the peer and subscribes the receivers. */
    @Setup
    public void setUp() {
        target = Peers.create(peer, Receivers.of(subscribers), Fixtures.typical());
    }

    /** Emits per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput() {
        target.emit();
    }

    /** Time per emit, sampled. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void latency() {
        target.emit();
    }

    /** Two producers: emits per second, both together. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public void contended() {
        target.emit();
    }
}
