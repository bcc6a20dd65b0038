package ai.cleveragents.events.bus.reactive.internal.journal;

import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.event;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.ids;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.settings;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.json.EventCodec;

/** Rotation by size and retention by age and total size. */
public class JournalSegmentsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final EventCodec CODEC = new EventCodec();

    @Test
    public void segmentsRotateBeforeExceedingTheSizeAndAreNamedAfterTheirFirstEvent() throws Exception {
        Path dir = tmp.getRoot().toPath();
        List<DomainEvent> events = fixedSizeEvents(10);
        long line = JournalFixture.recordLength(events.get(events.size() - 1), events.size());
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP).withSegmentMaxBytes(3 * line))) {
            events.forEach(journal::append);
            assertEquals(4, journal.stats().segments());
            assertEquals(ids(events.stream()), ids(journal.replaySince(Instant.EPOCH, Set.of())));
        }
        List<SegmentFiles.Segment> segments = SegmentFiles.list(dir);
        assertEquals(List.of(0L, 1L, 2L, 3L), segments.stream().map(SegmentFiles.Segment::sequence)
                .collect(Collectors.toList()));
        for (int i = 0; i < 4; i++) {
            assertTrue(segments.get(i).path().toString().endsWith("-" + events.get(3 * i).eventId() + ".jsonl"));
            assertTrue(Files.size(segments.get(i).path()) <= 3 * line);
        }
    }

    @Test
    public void anEventLargerThanASegmentGetsOneOfItsOwn() throws Exception {
        Path dir = tmp.getRoot().toPath();
        try (Journal journal = Journal.open(settings(dir, Durability.NONE).withSegmentMaxBytes(10))) {
            journal.append(event(1));
            journal.append(event(2));
            assertEquals(2, journal.stats().segments());
        }
    }

    @Test
    public void reopeningAppendsToTheLastSegment() throws Exception {
        Path dir = tmp.getRoot().toPath();
        try (Journal journal = Journal.open(settings(dir, Durability.ALWAYS))) {
            journal.append(event(1));
        }
        try (Journal journal = Journal.open(settings(dir, Durability.ALWAYS))) {
            journal.append(event(2));
            assertEquals(1, journal.stats().segments());
        }
        assertEquals(2, FileCount.lines(dir));
    }

    @Test
    public void retentionDeletesSegmentsOlderThanTheMaximumAgeButNeverTheCurrentOne() throws Exception {
        Path dir = tmp.getRoot().toPath();
        List<DomainEvent> events = fixedSizeEvents(6);
        long line = JournalFixture.recordLength(events.get(events.size() - 1), events.size());
        JournalSettings keepAll = settings(dir, Durability.NONE).withSegmentMaxBytes(2 * line);
        try (Journal journal = Journal.open(keepAll)) {
            events.forEach(journal::append);
        }
        List<SegmentFiles.Segment> segments = SegmentFiles.list(dir);
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        for (SegmentFiles.Segment s : segments) {
            Files.setLastModifiedTime(s.path(), old);
        }
        try (Journal journal = Journal.open(keepAll.withRetention(Duration.ofDays(1), 0))) {
            assertEquals(1, journal.stats().segments());
            assertEquals(ids(events.subList(4, 6).stream()), ids(journal.replaySince(Instant.EPOCH, Set.of())));
        }
        assertEquals(List.of(segments.get(2)), SegmentFiles.list(dir));
    }

    @Test
    public void retentionKeepsYoungSegments() throws Exception {
        Path dir = tmp.getRoot().toPath();
        List<DomainEvent> events = fixedSizeEvents(6);
        long line = JournalFixture.recordLength(events.get(events.size() - 1), events.size());
        JournalSettings settings = settings(dir, Durability.NONE).withSegmentMaxBytes(2 * line)
                .withRetention(Duration.ofDays(1), 0);
        try (Journal journal = Journal.open(settings)) {
            events.forEach(journal::append);
            assertEquals(3, journal.stats().segments());
        }
    }

    @Test
    public void retentionDeletesOldestSegmentsWhileTheTotalWithAFullCurrentSegmentExceedsTheMaximumSize() throws Exception {
        Path dir = tmp.getRoot().toPath();
        List<DomainEvent> events = fixedSizeEvents(10);
        long line = JournalFixture.recordLength(events.get(events.size() - 1), events.size());
        JournalSettings settings = settings(dir, Durability.GROUP).withSegmentMaxBytes(2 * line)
                .withRetention(Duration.ZERO, 5 * line);
        try (Journal journal = Journal.open(settings)) {
            events.forEach(journal::append);
            assertEquals(2, journal.stats().segments());
            assertEquals(ids(events.subList(6, 10).stream()),
                    ids(journal.replaySince(Instant.EPOCH, Set.of())));
        }
        long total = 0;
        for (SegmentFiles.Segment s : SegmentFiles.list(dir)) {
            total += Files.size(s.path());
        }
        assertTrue(total <= 5 * line);
    }

    @Test
    public void retentionNeverDeletesTheCurrentSegmentEvenIfItAloneIsTooBig() throws Exception {
        Path dir = tmp.getRoot().toPath();
        JournalSettings settings = settings(dir, Durability.NONE).withRetention(Duration.ZERO, 1);
        try (Journal journal = Journal.open(settings)) {
            journal.append(event(1));
            journal.append(event(2));
            assertEquals(1, journal.stats().segments());
        }
        assertEquals(2, FileCount.lines(dir));
    }

    @Test
    public void otherFilesInTheDirectoryAreIgnored() throws Exception {
        Path dir = tmp.getRoot().toPath();
        Files.writeString(dir.resolve("events-notes.jsonl"), "not a segment\n");
        Files.writeString(dir.resolve("README"), "hello\n");
        try (Journal journal = Journal.open(settings(dir, Durability.NONE))) {
            journal.append(event(1));
            assertEquals(1, journal.stats().segments());
        }
        assertFalse(Files.readString(dir.resolve("events-notes.jsonl")).isEmpty());
    }

    /** Events whose lines all have the same length, so segment sizes are exact. */
    private static List<DomainEvent> fixedSizeEvents(int count) {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(DomainEvent.builder(EventType.PLAN_CREATED)
                    .timestamp(Instant.parse("2026-11-25T11:00:00Z")).planId("p-" + (10 + i)).build());
        }
        return events;
    }

}
