package ai.cleveragents.events.benchmarks;

import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.DispatchEngine;

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

/**
 * What {@code event.filter} costs (issue 14, point 3): one handler on the shared dispatch engine (no
 * stage, so only dispatch is measured), subscribed without a filter, with a filter every event
 * matches ({@code (event_type=*)}), and with a filter on one field ({@code (plan_id=plan-7f3a)}, which
 * the typical event matches). Run all three in one invocation and compare them as ratios:
 * {@code java -jar benchmarks/target/benchmarks.jar FilterCostBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FilterCostBenchmark {

    /** The handler's filter: {@code none}, {@code always} or {@code field}. */
    @Param({"none", "always", "field"})
    public String filter;

    private EventBus bus;
    private Receiver receiver;
    private final DomainEvent event = Fixtures.typical();

    /** Subscribes one receiver with the chosen filter. */
    @Setup
    public void setUp() {
        bus = new DispatchEngine("filter-bench", (e, emitter) -> false).view(null);
        receiver = Receivers.of(1).all()[0];
        EnumSet<EventType> types = EnumSet.of(event.eventType());
        switch (filter) {
            case "none" -> bus.subscribe(types, receiver);
            case "always" -> bus.subscribe(types, "(event_type=*)", receiver);
            case "field" -> bus.subscribe(types, "(plan_id=plan-7f3a)", receiver);
            default -> throw new IllegalArgumentException("unknown filter " + filter);
        }
    }

    /** Emits per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void emit() {
        bus.emit(event);
    }
}
