package ai.cleveragents.events.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.DispatchEngine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a misbehaving handler costs the others (issue 9, docs/reliability.md). Each operation emits one
 * {@code plan.created} event to four well-behaved handlers, each burning {@code work} JMH CPU tokens
 * ({@code 0}: nothing, the worst case for the ratio; {@code 1000}: about a microsecond) and consuming
 * the event into a {@link Blackhole}; {@code misbehaving} adds:
 * <ul>
 * <li>{@code none}: nothing (the reference);</li>
 * <li>{@code returning}: a fifth handler of all types that does the same work as {@code throwing} up
 * to the throw (builds an exception) and returns normally — the reference for what the bus's failure
 * isolation adds;</li>
 * <li>{@code throwing}: a fifth handler of all types that throws a new {@link IllegalStateException}
 * on every event (the bus catches, counts and rate-limits the log line);</li>
 * <li>{@code throwing_preallocated}: the same throwing one shared exception, so only the bus's
 * isolation is measured;</li>
 * <li>{@code blocking}: a handler of {@code tool.failed} that blocks for 100 ms, kept busy by a
 * background thread emitting {@code tool.failed} without pause on the same bus.</li>
 * </ul>
 * Run by hand (not part of {@code ./bench}): {@code mvn -B -Pbench -pl benchmarks -am package -DskipTests}, then
 * {@code java -jar benchmarks/target/benchmarks.jar MisbehavingHandlerBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MisbehavingHandlerBenchmark {

    private static final IllegalStateException SHARED = new IllegalStateException("preallocated");

    @Param({"none", "returning", "throwing", "throwing_preallocated", "blocking"})
    public String misbehaving;

    @Param({"0", "1000"})
    public long work;

    private DispatchEngine engine;
    private DomainEvent event;
    private final AtomicBoolean stop = new AtomicBoolean();
    private Thread blockingEmitter;

    @Setup
    public void setUp(Blackhole blackhole) {
        engine = new DispatchEngine("bench", (e, emitter) -> false);
        for (int i = 0; i < 4; i++) {
            engine.subscribe(EventType.PLAN_CREATED, e -> {
                Blackhole.consumeCPU(work);
                blackhole.consume(e);
            }, null);
        }
        switch (misbehaving) {
            case "none" -> { }
            case "returning" -> engine.subscribeAll(e -> blackhole.consume(new IllegalStateException("built")), null);
            case "throwing" -> engine.subscribeAll(e -> {
                throw new IllegalStateException("thrown on every event");
            }, null);
            case "throwing_preallocated" -> engine.subscribeAll(e -> {
                throw SHARED;
            }, null);
            case "blocking" -> startBlocking();
            default -> throw new IllegalArgumentException(misbehaving);
        }
        event = DomainEvent.builder(EventType.PLAN_CREATED).planId("p-1").build();
    }

    private void startBlocking() {
        EventHandler blocking = e -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        engine.subscribe(EventType.TOOL_FAILED, blocking, null);
        DomainEvent failed = DomainEvent.of(EventType.TOOL_FAILED);
        blockingEmitter = new Thread(() -> {
            while (!stop.get()) {
                engine.emit(failed);
            }
        }, "blocking-emitter");
        blockingEmitter.start();
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        stop.set(true);
        if (blockingEmitter != null) {
            blockingEmitter.join();
        }
        engine.close(() -> { }, 1_000);
    }

    @Benchmark
    public void emitToFourHandlers() {
        engine.emit(event);
    }
}
