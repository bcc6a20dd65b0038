package ai.cleveragents.events.bus.reactive.internal.journal;

import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.ids;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.settings;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

/** Replays racing with four writing threads, across segment rotations. */
public class JournalConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int PER_WRITER = 300;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test(timeout = 60_000)
    public void replaysWhileFourThreadsWriteSeeEveryEventDurableWhenTheyStartedAndNoTornLine() throws Exception {
        Path dir = tmp.getRoot().toPath();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP).withSegmentMaxBytes(16 * 1024))) {
            List<Future<List<String>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(journal, writer)));
            }
            int replays = 0;
            while (!writers.stream().allMatch(Future::isDone) || replays < 3) {
                checkOneReplay(journal);
                replays++;
            }
            Set<String> acknowledged = new HashSet<>();
            for (Future<List<String>> f : writers) {
                acknowledged.addAll(f.get());
            }
            List<DomainEvent> all = all(journal);
            assertEquals(WRITERS * PER_WRITER, all.size());
            assertEquals(acknowledged, all.stream().map(DomainEvent::eventId).collect(Collectors.toSet()));
            assertPerWriterOrder(all);
            JournalStats stats = journal.stats();
            assertEquals(WRITERS * PER_WRITER, stats.appends());
            assertEquals(0, stats.lag());
            assertTrue(stats.segments() > 1);
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private static List<String> write(Journal journal, int writer) {
        List<String> acked = new ArrayList<>();
        for (int n = 0; n < PER_WRITER; n++) {
            DomainEvent e = DomainEvent.builder(EventType.TOOL_INVOKED).actorName("writer-" + writer)
                    .detail("n", n).build();
            journal.append(e);
            acked.add(e.eventId());
        }
        return acked;
    }

    private static void checkOneReplay(Journal journal) {
        Optional<String> durableAtStart = journal.lastEventId();
        List<DomainEvent> seen = all(journal);
        assertEquals("no duplicates", seen.size(), seen.stream().map(DomainEvent::eventId).distinct().count());
        assertPerWriterOrder(seen);
        durableAtStart.ifPresent(id -> {
            assertTrue("replay misses " + id, seen.stream().anyMatch(e -> e.eventId().equals(id)));
            List<String> from = ids(journal.replayFrom(id, Set.of()));
            assertEquals(id, from.get(0));
        });
    }

    private static List<DomainEvent> all(Journal journal) {
        try (Stream<DomainEvent> events = journal.replaySince(Instant.EPOCH, Set.of())) {
            return events.collect(Collectors.toList());
        }
    }

    /** Each writer's events appear complete from its first and in the order it wrote them. */
    private static void assertPerWriterOrder(List<DomainEvent> events) {
        Map<String, Integer> next = new HashMap<>();
        for (DomainEvent e : events) {
            int n = ((Number) e.details().get("n")).intValue();
            int expected = next.getOrDefault(e.actorName(), 0);
            assertEquals("order of " + e.actorName(), expected, n);
            next.put(e.actorName(), n + 1);
        }
    }
}
