package ai.cleveragents.events.bus.reactive.internal.journal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.json.EventCodec;

/** Finding an event by id or a record by sequence number decodes only the lines that may be it. */
public class PositionPrefilterTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final EventCodec codec = new EventCodec();

    private byte[] record(long seq, DomainEvent e) {
        byte[] line = new RecordChain(seq - 1, null).seal(RecordFormat.ascii("unknown"), codec.encodeToBytes(e)).line();
        return Arrays.copyOf(line, line.length - 1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void anEventIsFoundByIdAcrossChunksAndSegmentsItsLastOccurrenceAndNotByADetailThatLooksAlike() throws Exception {
        try (Journal journal = Journal.open(JournalFixture.settings(tmp.getRoot().toPath(), Durability.NONE)
                .withSegmentMaxBytes(3 << 20))) {
            List<DomainEvent> written = new java.util.ArrayList<>();
            for (int i = 0; i < 12_000; i++) {
                DomainEvent e = JournalFixture.event(i);
                written.add(e);
                journal.append(e);
            }
            DomainEvent lookalike = DomainEvent.builder(EventType.TOOL_INVOKED)
                    .detail("nested", java.util.Map.of("event_id", written.get(5).eventId())).build();
            journal.append(lookalike);
            journal.append(written.get(7));
            for (int i = 0; i < written.size(); i += 997) {
                try (Stream<DomainEvent> from = journal.replayFrom(written.get(i).eventId(), Set.of())) {
                    assertEquals(written.size() - i + 2, from.count());
                }
            }
            try (Stream<DomainEvent> from = journal.replayFrom(written.get(5).eventId(), Set.of())) {
                assertEquals("the record, not the detail", written.get(5), from.findFirst().orElseThrow());
            }
            try (Stream<DomainEvent> from = journal.replayFrom(written.get(7).eventId(), Set.of())) {
                assertEquals("its last occurrence", 1, from.count());
            }
            assertTrue(SegmentFiles.list(tmp.getRoot().toPath()).size() > 1);
        }
    }

    @Test
    public void aSeqPrefilterSkipsEarlierRecordsAndLegacyLinesAndKeepsTheRest() {
        SeqPrefilter p = new SeqPrefilter(10);
        DomainEvent e = DomainEvent.of(EventType.TOOL_INVOKED);
        assertTrue(p.skips(record(9, e), record(9, e).length));
        assertFalse(p.skips(record(10, e), record(10, e).length));
        assertFalse(p.skips(record(11, e), record(11, e).length));
        byte[] legacy = codec.encodeToBytes(e);
        assertTrue(p.skips(legacy, legacy.length));
        for (String unclear : List.of("garbage", "{\"seq\":", "{\"seq\":5", "{\"seq\":x,", "{\"seq\":" + "1".repeat(30) + ",")) {
            byte[] line = bytes(unclear);
            assertFalse(unclear, p.skips(line, line.length));
        }
    }

    @Test
    public void replaysAndCatchUpsFromAnEventOrACheckpointStartExactlyThere() throws Exception {
        try (Journal journal = Journal.open(JournalFixture.settings(tmp.getRoot().toPath(), Durability.NONE))) {
            for (int i = 0; i < 50; i++) {
                journal.append(JournalFixture.event(i));
            }
            List<DomainEvent> all;
            try (Stream<DomainEvent> s = journal.replaySince(java.time.Instant.EPOCH, Set.of())) {
                all = s.collect(Collectors.toList());
            }
            String id = all.get(20).eventId();
            try (Stream<DomainEvent> from = journal.replayFrom(id, Set.of())) {
                assertEquals(all.subList(20, 50), from.collect(Collectors.toList()));
            }
            assertEquals(all.subList(21, 50), caughtUp(journal, JournalPosition.afterEvent(id), 29));
            assertEquals(all.subList(20, 50), caughtUp(journal, JournalPosition.atEvent(id), 30));
        }
    }

    private static List<DomainEvent> caughtUp(Journal journal, JournalPosition from, int expected) throws Exception {
        List<DomainEvent> seen = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(expected);
        Subscription s = journal.subscribeFrom(from, Set.of(), e -> {
            seen.add(e);
            all.countDown();
        });
        try {
            assertTrue("caught up within 10 s", all.await(10, TimeUnit.SECONDS));
        } finally {
            s.close();
        }
        return List.copyOf(seen);
    }
}
