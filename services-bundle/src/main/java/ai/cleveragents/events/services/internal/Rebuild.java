package ai.cleveragents.events.services.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalProblem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a service's state by replaying the journal once, from its first event, through a fold.
 * Whatever goes wrong (problems the journal knows of, events that contradict the state, a read that
 * fails part-way) is collected, never thrown: the service starts with what could be rebuilt and the
 * problems are logged in one line. Never emits an event.
 */
final class Rebuild {

    /** How many problems the log line and {@link #problems()} name; the rest are only counted. */
    static final int MAX_NAMED = 5;

    /** The replay does not continue a snapshot. */
    static final int NO_SNAPSHOT = -1;

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final boolean ran;
    private final Map<Folded, Long> outcomes = new EnumMap<>(Folded.class);
    private final List<String> named = new ArrayList<>();
    private long events;
    private long problemCount;
    private long millis;
    private long cpuMillis;
    private int snapshotEntries = NO_SNAPSHOT;
    private String lastEventId;

    private Rebuild(boolean ran) {
        this.ran = ran;
    }

    /** @return the result of not rebuilding: no journal bound */
    static Rebuild none() {
        return new Rebuild(false);
    }

    /**
     * @param service names the service in the log line
     * @param journal the journal to replay
     * @param types   the event types the fold takes
     * @param fold    applies one event
     * @return what the rebuild did
     */
    static Rebuild run(String service, EventJournal journal, Set<EventType> types, Function<DomainEvent, Folded> fold) {
        return run(service, journal, () -> journal.replaySince(Instant.EPOCH, types), NO_SNAPSHOT, fold);
    }

    /**
     * Folds the events of {@code replay}, which continues a snapshot of {@code snapshotEntries} entries.
     * The time measured includes opening the replay (for a snapshot, finding its last event).
     *
     * @param replay          opens the events to fold; what it throws is thrown here (nothing was replayed)
     * @param snapshotEntries the entries the state held from a snapshot before the replay, or {@link #NO_SNAPSHOT}
     */
    static Rebuild run(String service, EventJournal journal, Supplier<Stream<DomainEvent>> replay, int snapshotEntries,
            Function<DomainEvent, Folded> fold) {
        Rebuild rebuild = new Rebuild(true);
        rebuild.snapshotEntries = snapshotEntries;
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        Stream<DomainEvent> events = replay.get();
        journal.knownProblems().forEach(rebuild::journalProblem);
        try (events) {
            events.forEach(event -> rebuild.apply(fold, event));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("{}: rebuild stopped after {} events: the component was deactivated", service, rebuild.events);
                return rebuild;
            }
            rebuild.problem("the replay stopped after " + rebuild.events + " events: " + e.getClass().getSimpleName());
        }
        rebuild.millis = (System.nanoTime() - start) / 1_000_000;
        rebuild.cpuMillis = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        rebuild.log(service);
        return rebuild;
    }

    /** @return how many events were replayed */
    long events() {
        return events;
    }

    /** @return the id of the last event replayed, or {@code null} if none was */
    String lastEventId() {
        return lastEventId;
    }

    /** @return the problems named (at most {@value #MAX_NAMED}), in the order found */
    List<String> problems() {
        return List.copyOf(named);
    }

    /**
     * @return {@code rebuild.events} (replayed), {@code rebuild.applied}, {@code rebuild.duplicates},
     *         {@code rebuild.orphans}, {@code rebuild.foreign}, {@code rebuild.problems} and
     *         {@code rebuild.millis} (wall-clock time) and {@code rebuild.cpu.millis} (CPU time of the
     *         rebuild thread: the work itself, whatever else runs on the machine) and
     *         {@code rebuild.snapshot.entries} (entries read from a snapshot, if it started from one); none when no
     *         journal was bound
     */
    Map<String, Long> counters() {
        if (!ran) {
            return Map.of();
        }
        Map<String, Long> c = new TreeMap<>();
        c.put("rebuild.events", events);
        c.put("rebuild.applied", count(Folded.APPLIED));
        c.put("rebuild.duplicates", count(Folded.DUPLICATE));
        c.put("rebuild.orphans", count(Folded.ORPHAN));
        c.put("rebuild.foreign", count(Folded.FOREIGN));
        c.put("rebuild.problems", problemCount);
        c.put("rebuild.millis", millis);
        c.put("rebuild.cpu.millis", cpuMillis);
        if (snapshotEntries != NO_SNAPSHOT) {
            c.put("rebuild.snapshot.entries", (long) snapshotEntries);
        }
        return c;
    }

    private void apply(Function<DomainEvent, Folded> fold, DomainEvent event) {
        events++;
        lastEventId = event.eventId();
        try {
            outcomes.merge(fold.apply(event), 1L, Long::sum);
        } catch (ReplayException e) {
            problem(e.getMessage());
        }
    }

    private void journalProblem(JournalProblem problem) {
        problem("journal " + problem);
    }

    private void problem(String text) {
        problemCount++;
        if (named.size() < MAX_NAMED) {
            named.add(text);
        }
    }

    private long count(Folded outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    private void log(String service) {
        String summary = service + " rebuilt from " + (snapshotEntries != NO_SNAPSHOT ? "its snapshot (" + snapshotEntries
                + " entries) and the journal after it" : "the journal") + " in " + millis + " ms (" + cpuMillis + " ms CPU): "
                + events + " events replayed, " + count(Folded.APPLIED) + " applied, " + count(Folded.ORPHAN) + " about plans or decisions not held, "
                + count(Folded.FOREIGN) + " not written by the services";
        if (problemCount == 0) {
            LOG.info(summary);
        } else {
            LOG.warn("{}; {} problem{} (kept what could be rebuilt): {}{}", summary, problemCount,
                    problemCount == 1 ? "" : "s", String.join("; ", named),
                    problemCount > named.size() ? "; and " + (problemCount - named.size()) + " more" : "");
        }
    }
}
