package ai.cleveragents.events.bus.reactive.internal.journal;

import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.event;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.ids;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.settings;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.json.EventCodec;

/** Append and replay under each durability policy. */
@RunWith(Parameterized.class)
public class JournalDurabilityTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final Durability durability;

    public JournalDurabilityTest(Durability durability) {
        this.durability = durability;
    }

    @Parameters(name = "{0}")
    public static Collection<Object[]> policies() {
        return Arrays.stream(Durability.values()).map(d -> new Object[] {d}).collect(Collectors.toList());
    }

    @Test
    public void appendedEventsAreReplayedInOrderAndSurviveReopening() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("journal");
        List<DomainEvent> written = new ArrayList<>();
        try (Journal journal = Journal.open(settings(dir, durability))) {
            assertEquals(Optional.empty(), journal.lastEventId());
            for (int i = 0; i < 30; i++) {
                DomainEvent e = event(i);
                journal.append(e);
                written.add(e);
            }
            try (Stream<DomainEvent> replay = journal.replaySince(Instant.EPOCH, Set.of())) {
                assertEquals(written, replay.collect(Collectors.toList()));
            }
            assertEquals(Optional.of(written.get(29).eventId()), journal.lastEventId());
            JournalStats stats = journal.stats();
            assertEquals(30, stats.appends());
            assertEquals(1, stats.segments());
            assertEquals(Files.size(onlySegment(dir)), stats.bytesWritten());
        }
        try (Journal reopened = Journal.open(settings(dir, durability))) {
            assertEquals(Optional.of(written.get(29).eventId()), reopened.lastEventId());
            assertEquals(written.stream().map(DomainEvent::eventId).collect(Collectors.toList()),
                    ids(reopened.replaySince(Instant.EPOCH, Set.of())));
            assertEquals(0, reopened.stats().truncatedBytes());
        }
    }

    @Test
    public void eachLineIsTheWireFormatWithTheJournalFieldsBesideIt() throws Exception {
        Path dir = tmp.getRoot().toPath();
        DomainEvent e = event(7);
        try (Journal journal = Journal.open(settings(dir, durability))) {
            journal.append(e, "com.example.emitter/1.2.3");
        }
        String wire = new EventCodec().encode(e);
        String line = "{\"seq\":1,\"prev\":\"" + "A".repeat(43) + "\",\"emitter\":\"com.example.emitter/1.2.3\","
                + wire.substring(1);
        assertEquals(List.of(line), Files.readAllLines(onlySegment(dir)));
        try (Journal journal = Journal.open(settings(dir, durability))) {
            journal.append(event(8), "com.example.emitter/1.2.3");
        }
        String prev = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(line.getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.readAllLines(onlySegment(dir)).get(1).startsWith("{\"seq\":2,\"prev\":\"" + prev + "\","));
        assertTrue(onlySegment(dir).getFileName().toString().matches("events-0{16}-" + e.eventId() + "\\.jsonl"));
    }

    @Test
    public void durabilityDecidesHowManyFsyncsAndTheLag() throws Exception {
        try (Journal journal = Journal.open(settings(tmp.getRoot().toPath(), durability))) {
            for (int i = 0; i < 5; i++) {
                journal.append(event(i));
            }
            JournalStats stats = journal.stats();
            switch (durability) {
                case NONE:
                    assertEquals(0, stats.fsyncs());
                    assertEquals(5, stats.lag());
                    break;
                case GROUP:
                    assertTrue("one fsync per lone append at most", stats.fsyncs() >= 1 && stats.fsyncs() <= 5);
                    assertEquals(0, stats.lag());
                    break;
                default:
                    assertEquals(5, stats.fsyncs());
                    assertEquals(0, stats.lag());
            }
        }
    }

    @Test
    public void replayFromIsInclusiveAndFiltersByType() throws Exception {
        try (Journal journal = Journal.open(settings(tmp.getRoot().toPath(), durability))) {
            List<DomainEvent> written = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                written.add(event(i));
                journal.append(written.get(i));
            }
            assertEquals(ids(written.subList(4, 9).stream()), ids(journal.replayFrom(written.get(4).eventId(), Set.of())));
            assertEquals(List.of(written.get(4).eventId(), written.get(7).eventId()),
                    ids(journal.replayFrom(written.get(4).eventId(), Set.of(written.get(4).eventType()))));
            assertEquals(List.of(written.get(5).eventId(), written.get(8).eventId()),
                    ids(journal.replayFrom(written.get(4).eventId(), Set.of(EventType.TOOL_INVOKED))));
        }
    }

    @Test
    public void replaySinceKeepsEventsAtOrAfterTheInstant() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (Journal journal = Journal.open(settings(tmp.getRoot().toPath(), durability))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                DomainEvent e = event(i).toBuilder().timestamp(t0.plusSeconds(i)).build();
                ids.add(e.eventId());
                journal.append(e);
            }
            assertEquals(ids.subList(3, 6), ids(journal.replaySince(t0.plusSeconds(3), Set.of())));
            assertEquals(List.of(ids.get(3)), ids(journal.replaySince(t0.plusSeconds(3), Set.of(EventType.PLAN_CREATED))));
            assertEquals(List.of(), ids(journal.replaySince(t0.plusSeconds(60), Set.of())));
        }
    }

    @Test
    public void appendAfterCloseFailsAndCloseIsIdempotent() throws Exception {
        Journal journal = Journal.open(settings(tmp.getRoot().toPath(), durability));
        journal.append(event(1));
        journal.close();
        journal.close();
        JournalException e = assertThrows(JournalException.class, () -> journal.append(event(2)));
        assertTrue(e.getMessage(), e.getMessage().contains(tmp.getRoot().getPath()));
        assertEquals(1, FileCount.lines(tmp.getRoot().toPath()));
    }

    private static Path onlySegment(Path dir) throws Exception {
        List<SegmentFiles.Segment> segments = SegmentFiles.list(dir);
        assertEquals(1, segments.size());
        return segments.get(0).path();
    }
}
