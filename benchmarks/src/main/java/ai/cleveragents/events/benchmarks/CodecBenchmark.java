package ai.cleveragents.events.benchmarks;

import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;

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
import org.openjdk.jmh.annotations.Warmup;

/** The JSON codec on one core: encodes and decodes per second of a typical and a large event. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    /** {@code typical}: 5 detail keys; {@code large}: 1,000. */
    @Param({"typical", "large"})
    public String size;

    private final EventCodec codec = new EventCodec();
    private DomainEvent event;
    private byte[] json;

    /** Builds the event and its encoded form. */
    @Setup
    public void setUp() {
        event = "large".equals(size) ? Fixtures.large() : Fixtures.typical();
        json = codec.encodeToBytes(event);
    }

    /** @return the event as UTF-8 JSON */
    @Benchmark
    public byte[] encode() {
        return codec.encodeToBytes(event);
    }

    /** @return the event decoded from UTF-8 JSON */
    @Benchmark
    public DomainEvent decode() {
        return codec.decode(json);
    }
}
