package ai.cleveragents.events.bus.reactive.internal.journal;

import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.event;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.settings;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventLimits;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.json.EventCodecException;

/** {@link Journal#appendAll}: one write and one fsync per batch, segments crossed, and failures as a prefix. */
public class JournalBatchTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static List<DomainEvent> events(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(JournalFixture::event).collect(Collectors.toList());
    }

    private static List<String> ids(List<DomainEvent> events) {
        return events.stream().map(DomainEvent::eventId).collect(Collectors.toList());
    }

    @Test
    public void aBatchUnderAlwaysIsOneFsyncAndItsRecordsContinueTheChain() throws Exception {
        Path dir = tmp.getRoot().toPath();
        List<DomainEvent> all = new ArrayList<>();
        try (Journal journal = Journal.open(settings(dir, Durability.ALWAYS))) {
            DomainEvent single = event(0);
            journal.append(single);
            all.add(single);
            List<DomainEvent> batch = events(1, 100);
            journal.appendAll(batch, "com.example.importer/1.0.0");
            all.addAll(batch);
            assertEquals(2, journal.stats().fsyncs());
            assertEquals(batch.get(99).eventId(), journal.lastEventId().orElseThrow());
            DomainEvent after = event(101);
            journal.append(after);
            all.add(after);
            assertEquals(List.of(), journal.verify().problems());
            assertEquals(102, journal.verify().lastSeq());
        }
        assertEquals(ids(all), JournalFixture.reopenAndReadIds(dir, Durability.ALWAYS));
    }

    @Test
    public void aBatchUnderGroupWaitsForOneSharedFsync() throws Exception {
        Path dir = tmp.getRoot().toPath();
        List<DomainEvent> batch = events(0, 300);
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP))) {
            journal.appendAll(batch, "unknown");
            assertEquals(300, journal.stats().appends());
            assertEquals(0, journal.stats().lag());
            assertTrue("fsyncs: " + journal.stats().fsyncs(), journal.stats().fsyncs() <= 2);
        }
        assertEquals(ids(batch), JournalFixture.reopenAndReadIds(dir, Durability.GROUP));
    }

    @Test
    public void aBatchLargerThanASegmentIsSplitAcrossSegmentsInOrder() throws Exception {
        Path dir = tmp.getRoot().toPath();
        List<DomainEvent> batch = events(0, 10);
        long line = JournalFixture.recordLength(batch.get(9), 10);
        try (Journal journal = Journal.open(settings(dir, Durability.NONE).withSegmentMaxBytes(4 * line))) {
            journal.appendAll(batch, "unknown");
            assertEquals(3, journal.stats().segments());
            assertEquals(List.of(), journal.verify().problems());
        }
        assertEquals(3, SegmentFiles.list(dir).size());
        assertEquals(ids(batch), JournalFixture.reopenAndReadIds(dir, Durability.NONE));
    }

    @Test
    public void anEventTooLargeToReadBackFailsTheWholeBatchBeforeAnythingIsWritten() throws Exception {
        Path dir = tmp.getRoot().toPath();
        List<DomainEvent> batch = events(0, 5);
        DomainEvent huge = DomainEvent.builder(EventType.TOOL_INVOKED).detail("blob", "x".repeat(EventLimits.MAX_EVENT_BYTES))
                .build();
        batch.set(2, huge);
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP))) {
            JournalBatchException e = assertThrows(JournalBatchException.class, () -> journal.appendAll(batch, "unknown"));
            assertEquals(0, e.durable());
            assertTrue(e.failure() instanceof EventCodecException);
            assertTrue(e.getMessage(), e.getMessage().startsWith("event 3 of a batch of 5 (" + huge.eventId() + "): "));
            assertEquals(0, journal.stats().appends());
        }
        assertEquals(List.of(), JournalFixture.reopenAndReadIds(dir, Durability.GROUP));
    }

    @Test
    public void aSegmentThatCannotBeCreatedMidBatchLeavesTheForcedPrefixDurableAndSaysSo() throws Exception {
        Path dir = tmp.getRoot().toPath();
        List<DomainEvent> batch = events(0, 10);
        long line = JournalFixture.recordLength(batch.get(9), 10);
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP).withSegmentMaxBytes(4 * line))) {
            Files.createDirectory(dir.resolve(SegmentFiles.name(1, batch.get(4).eventId())));
            JournalBatchException e = assertThrows(JournalBatchException.class, () -> journal.appendAll(batch, "unknown"));
            assertEquals(4, e.durable());
            assertTrue(e.failure() instanceof JournalException);
            assertTrue(e.getMessage(), e.getMessage().startsWith("cannot make events 5..10 of a batch of 10 (the first "
                    + batch.get(4).eventId() + ") durable in journal "));
            assertEquals(batch.get(3).eventId(), journal.lastEventId().orElseThrow());
        }
        Files.delete(dir.resolve(SegmentFiles.name(1, batch.get(4).eventId())));
        assertEquals(ids(batch.subList(0, 4)), JournalFixture.reopenAndReadIds(dir, Durability.GROUP));
    }

    @Test
    public void aFullDiskUnderNoneFailsTheBatchWithNothingWrittenAndTheChainUnmoved() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue("needs /dev/full", Files.exists(full));
        Path dir = tmp.getRoot().toPath();
        Files.createSymbolicLink(dir.resolve(SegmentFiles.name(0, DomainEvent.newUlid())), full);
        Journal journal = Journal.open(settings(dir, Durability.NONE));
        JournalBatchException e = assertThrows(JournalBatchException.class, () -> journal.appendAll(events(0, 3), "unknown"));
        assertEquals(0, e.durable());
        assertTrue(e.getMessage(), e.getMessage().contains("No space left on device"));
        assertEquals(0, journal.stats().appends());
        assertThrows("the final fsync of a device fails", IOException.class, journal::close);
    }

    @Test
    public void aFailedFsyncFailsTheBatchWithNothingDurable() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue("needs /dev/null", Files.exists(devNull));
        Path dir = tmp.getRoot().toPath();
        Files.createSymbolicLink(dir.resolve(SegmentFiles.name(0, DomainEvent.newUlid())), devNull);
        Journal journal = Journal.open(settings(dir, Durability.ALWAYS));
        JournalBatchException e = assertThrows(JournalBatchException.class, () -> journal.appendAll(events(0, 3), "unknown"));
        assertEquals(0, e.durable());
        assertTrue(e.getMessage(), e.getMessage().contains("fsync of "));
        JournalBatchException later = assertThrows(JournalBatchException.class,
                () -> journal.appendAll(events(3, 2), "unknown"));
        assertTrue(later.getMessage(), later.getMessage().contains("an earlier fsync failed"));
    }
}
