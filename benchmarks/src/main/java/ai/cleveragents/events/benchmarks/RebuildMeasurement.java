package ai.cleveragents.events.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;
import ai.cleveragents.events.services.internal.BenchmarkServices;

/**
 * The rebuild time of the services as a plain command, printing wall-clock and CPU time of each step
 * (for a rebuild, its own {@code rebuild.millis} and {@code rebuild.cpu.millis}, taken on the rebuild thread),
 * so that a figure taken on a shared, loaded machine can be told apart from the work itself:
 * {@code java -cp benchmarks/target/benchmarks.jar ai.cleveragents.events.benchmarks.RebuildMeasurement [events] [rounds]}
 * (defaults 1 000 000 events, 3 rounds). Writes the journal in a temporary folder and deletes it. The last
 * two steps of a round restart the plan service with snapshots on: once from the whole journal (its stop
 * writes the snapshot), then from that snapshot (it replays only the journal after the snapshot's last
 * event, after finding that event in the journal).
 */
public final class RebuildMeasurement {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RebuildMeasurement() {
    }

    /**
     * @param args events in the journal, rounds of measurement
     * @throws IOException if the journal cannot be written
     */
    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("rebuild-measurement");
        try (Journal journal = Journal.open(JournalSettings.defaults(dir).withDurability(Durability.NONE))) {
            time("write", () -> {
                BenchmarkServices.write(journal, events / BenchmarkServices.EVENTS_PER_PLAN);
                return journal.stats();
            });
            for (int round = 1; round <= rounds; round++) {
                System.out.println("round " + round);
                time("replay only (plan types)", () -> count(journal));
                time("rebuild plans", () -> BenchmarkServices.rebuildPlans(journal).metrics());
                time("rebuild decisions", () -> BenchmarkServices.rebuildDecisions(journal).metrics());
                Path snapshots = Files.createTempDirectory(dir, "snapshots-");
                time("plans, writing a snapshot", () -> BenchmarkServices.restartPlans(journal, snapshots));
                time("plans from the snapshot", () -> BenchmarkServices.restartPlans(journal, snapshots));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(f);
                }
            }
        }
    }

    private static long count(Journal journal) {
        try (Stream<DomainEvent> replay = journal.replaySince(Instant.EPOCH, BenchmarkServices.PLAN_TYPES)) {
            return replay.count();
        }
    }

    private static void time(String step, Supplier<Object> work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Object result = work.get();
        long wallMs = (System.nanoTime() - wall) / 1_000_000;
        long cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        if (result instanceof Map<?, ?> m) {
            System.out.printf("  %-26s %7d ms wall %7d ms CPU (rebuild thread)  %s events replayed%n", step,
                    m.get("rebuild.millis"), m.get("rebuild.cpu.millis"), m.get("rebuild.events"));
        } else {
            System.out.printf("  %-26s %7d ms wall %7d ms CPU (this thread)  %s%n", step, wallMs, cpuMs, result);
        }
    }
}
