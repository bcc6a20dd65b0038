package ai.cleveragents.events.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;

/**
 * The codec's work per CPU-second of its thread: encodes, then decodes, the typical event
 * {@value #OPERATIONS} times per round and prints operations per CPU-second ({@link ThreadMXBean}) for
 * each round after {@value #WARM_UP} warm-up rounds. On a machine shared with other work this is
 * steadier than JMH's wall-clock throughput, since time the thread spends off the CPU is not counted.
 * Run by hand (docs/performance.md):
 * <pre>java -cp benchmarks/target/benchmarks.jar ai.cleveragents.events.benchmarks.CodecCpuProbe</pre>
 */
public final class CodecCpuProbe {

    private static final int OPERATIONS = 200_000;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 8;

    /** Keeps the results alive, so the JIT cannot drop the work. */
    private static volatile Object sink;

    private CodecCpuProbe() {
    }

    /** @param args none */
    public static void main(String[] args) {
        EventCodec codec = new EventCodec();
        DomainEvent event = Fixtures.typical();
        byte[] json = codec.encodeToBytes(event);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < OPERATIONS; i++) {
                sink = codec.encodeToBytes(event);
            }
            long encoded = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < OPERATIONS; i++) {
                sink = codec.decode(json);
            }
            long decoded = threads.getCurrentThreadCpuTime();
            if (round >= WARM_UP) {
                System.out.printf(Locale.ROOT, "encode %.0f k/cpu-s  decode %.0f k/cpu-s%n",
                        perSecond(encoded - start), perSecond(decoded - encoded));
            }
        }
    }

    private static double perSecond(long cpuNanos) {
        return OPERATIONS / (cpuNanos / 1e9) / 1e3;
    }
}
