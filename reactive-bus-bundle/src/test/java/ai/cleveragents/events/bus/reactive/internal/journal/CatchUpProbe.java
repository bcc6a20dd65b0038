package ai.cleveragents.events.bus.reactive.internal.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.Subscription;

/**
 * A rough probe run by hand, never by the build (see {@code docs/journal.md}, catch-up subscriptions):
 * how fast a catch-up subscription reads a journal of N events from the beginning, compared with a plain
 * {@code replaySince} of the same journal, and how long a live event takes under {@code group} from its
 * append returning to the catch-up handler. Not a benchmark: one run, on whatever else the machine does.
 *
 * <p>Arguments: directory, number of events.
 */
public final class CatchUpProbe {

    private static final int LIVE = 2000;

    private CatchUpProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0])).resolve("journal-" + System.nanoTime());
        int n = Integer.parseInt(args[1]);
        try (Journal fill = Journal.open(JournalFixture.settings(dir, Durability.NONE))) {
            for (int i = 0; i < n; i++) {
                fill.append(JournalFixture.event(i));
            }
        }
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.GROUP))) {
            replay(journal, n);
            ConcurrentHashMap<String, Long> arrived = new ConcurrentHashMap<>();
            AtomicLong count = new AtomicLong();
            long start = System.nanoTime();
            Subscription s = journal.subscribeFrom(JournalPosition.beginning(), Set.of(), e -> {
                arrived.put(e.eventId(), System.nanoTime());
                count.incrementAndGet();
            });
            while (count.get() < n) {
                Thread.onSpinWait();
            }
            report("catch-up subscription from the beginning", n, System.nanoTime() - start);
            live(journal, arrived);
            s.close();
        }
    }

    private static void replay(Journal journal, int n) {
        long start = System.nanoTime();
        long count;
        try (Stream<DomainEvent> all = journal.replaySince(Instant.EPOCH, Set.of())) {
            count = all.count();
        }
        report("replaySince", count, System.nanoTime() - start);
    }

    private static void live(Journal journal, ConcurrentHashMap<String, Long> arrived) {
        long[] latency = new long[LIVE];
        for (int i = 0; i < LIVE; i++) {
            DomainEvent e = JournalFixture.event(i);
            journal.append(e);
            long returned = System.nanoTime();
            while (!arrived.containsKey(e.eventId())) {
                Thread.onSpinWait();
            }
            latency[i] = arrived.get(e.eventId()) - returned;
        }
        Arrays.sort(latency);
        System.out.printf(Locale.ROOT, "live, group, %d appends one at a time, append returned -> handler:"
                + " p50 %.3f ms, p99 %.3f ms, max %.3f ms (negative: the handler had it first)%n", LIVE,
                latency[LIVE / 2] / 1e6, latency[LIVE * 99 / 100] / 1e6, latency[LIVE - 1] / 1e6);
    }

    private static void report(String what, long events, long nanos) {
        System.out.printf(Locale.ROOT, "%s: %d events in %.2f s, %.0f events/s%n", what, events, nanos / 1e9,
                events / (nanos / 1e9));
    }
}
