package ai.cleveragents.events.benchmarks;

import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.benchmarks.peers.Peer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Two producers emit concurrently to the same 10 synchronous subscribers: total emits per second. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(2)
public class ContendedEmitBenchmark {

    /** Which delivery path. */
    @Param({"direct", "reactive", "reactive-group", "guava", "eventadmin-send"})
    public String peer;

    /** How many subscribers. */
    @Param({"10"})
    public int subscribers;

    private Peer target;

    /** Builds the peer and subscribes the receivers. */
    @Setup
    public void setUp() {
        target = Peers.create(peer, Receivers.of(subscribers), Fixtures.typical());
    }

    /** Releases the peer. */
    @TearDown
    public void tearDown() {
        target.close();
    }

    /** Emits per second, both producers together. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput() {
        target.emit();
    }
}
