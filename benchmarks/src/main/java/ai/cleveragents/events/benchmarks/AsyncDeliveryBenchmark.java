package ai.cleveragents.events.benchmarks;

import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.benchmarks.peers.Peers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One producer, 1 or 4 asynchronous subscribers, zero loss: each invocation emits a batch of
 * {@value #BATCH} events and returns only once every subscriber has received all of them, so the
 * score is end-to-end delivered events per second (per subscriber), not enqueue speed.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AsyncDeliveryBenchmark extends PeerBenchmark {

    /** Events per benchmark invocation. */
    public static final int BATCH = 1024;

    /** Which delivery path. */
    @Param({"reactive-stream", "submission-publisher", "guava-async", "eventadmin-post", "eventadmin-post-tuned",
        "typedevent"})
    public String peer;

    /** How many subscribers. */
    @Param({"1", "4"})
    public int subscribers;

    private Receivers receivers;
    private long sent;

    /** Builds the peer and subscribes the receivers. */
    @Setup
    public void setUp() {
        receivers = Receivers.counting(subscribers);
        target = Peers.create(peer, receivers, Fixtures.typical());
    }

    /** Events delivered per second to each subscriber, none lost. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void delivered() {
        for (int i = 0; i < BATCH; i++) {
            target.emit();
        }
        sent += BATCH;
        receivers.awaitEach(sent);
    }
}
