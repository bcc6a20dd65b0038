package ai.cleveragents.events.bus.reactive.internal.journal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalProblem.Kind;
import ai.cleveragents.events.JournalReport;

/**
 * The tampering corpus: a journal of three segments of four records each, altered one way per test;
 * every alteration is found by {@code verify} with the right kind, opening never fails, and every
 * record left intact is still replayed.
 */
public class JournalTamperingTest {

    private static final int PER_SEGMENT = 4;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path dir;
    private final List<String> ids = new ArrayList<>();
    private List<Path> segments;

    @Before
    public void writeThreeSegments() throws Exception {
        dir = tmp.getRoot().toPath();
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 3 * PER_SEGMENT; i++) {
            events.add(JournalFixture.event(i));
        }
        long line = JournalFixture.recordLength(events.get(events.size() - 1), events.size());
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.GROUP)
                .withSegmentMaxBytes(PER_SEGMENT * line))) {
            for (DomainEvent e : events) {
                journal.append(e);
                ids.add(e.eventId());
            }
        }
        segments = SegmentFiles.list(dir).stream().map(SegmentFiles.Segment::path).collect(Collectors.toList());
        assertEquals(3, segments.size());
        assertEquals(List.of(), verify().problems());
    }

    @Test
    public void aDeletedMiddleSegmentIsAMissingSegmentAndAGap() throws Exception {
        Files.delete(segments.get(1));
        assertKnownAtOpening(Kind.MISSING_SEGMENT, Kind.SEQUENCE_GAP);
        assertFound(Kind.MISSING_SEGMENT, "segment 1 missing before this one");
        assertFound(Kind.SEQUENCE_GAP, "records 5..8 missing");
        assertIntact(without(5, 8));
    }

    @Test
    public void anEmptiedMiddleSegmentIsAGap() throws Exception {
        Files.write(segments.get(1), new byte[0]);
        assertKnownAtOpening(Kind.SEQUENCE_GAP);
        assertFound(Kind.SEQUENCE_GAP, "records 5..8 missing");
        assertIntact(without(5, 8));
    }

    @Test
    public void reorderedLinesAreDisorder() throws Exception {
        List<String> lines = Files.readAllLines(segments.get(1));
        Collections.reverse(lines);
        Files.write(segments.get(1), lines);
        assertFound(Kind.SEQUENCE_DISORDER, "record seq 7 after seq 8 (duplicated or reordered)");
        assertIntactAsSet(ids);
    }

    @Test
    public void aChangedByteInAMiddleLineBreaksTheChain() throws Exception {
        List<String> lines = Files.readAllLines(segments.get(1));
        String original = lines.get(1);
        String altered = original.replace("\"planId\"", "x").replace("\"p-5\"", "\"p-9\"");
        assertTrue("the line was altered", !altered.equals(original));
        lines.set(1, altered);
        Files.write(segments.get(1), lines);
        assertFound(Kind.BROKEN_CHAIN, "record seq 7 does not link to record seq 6 (a record was altered or replaced)");
        assertIntact(ids);
    }

    @Test
    public void aChangedLastRecordChangesTheHeadHash() throws Exception {
        String head = verify().headHash();
        List<String> lines = Files.readAllLines(segments.get(2));
        int last = lines.size() - 1;
        lines.set(last, lines.get(last).replace("\"p-", "\"q-"));
        Files.write(segments.get(2), lines);
        JournalReport report = verify();
        assertEquals(List.of(), report.problems());
        assertTrue(head + " vs " + report.headHash(), head.matches("[A-Za-z0-9_-]{43}") && !head.equals(report.headHash()));
    }

    @Test
    public void aChangedByteThatBreaksTheJsonIsUndecodable() throws Exception {
        List<String> lines = Files.readAllLines(segments.get(1));
        lines.set(1, lines.get(1).replace("\"event_type\":", "\"event_type\""));
        Files.write(segments.get(1), lines);
        assertFound(Kind.UNDECODABLE, "not a journal record: a journal record whose event does not decode");
        assertIntact(without(6, 6));
    }

    @Test
    public void aDuplicatedLineIsDisorder() throws Exception {
        List<String> lines = Files.readAllLines(segments.get(1));
        lines.add(2, lines.get(1));
        Files.write(segments.get(1), lines);
        assertFound(Kind.SEQUENCE_DISORDER, "record seq 6 after seq 6 (duplicated or reordered)");
    }

    @Test
    public void aMiddleSegmentTruncatedMidLineIsATornTailAndAGap() throws Exception {
        long size = Files.size(segments.get(1));
        try (var ch = java.nio.channels.FileChannel.open(segments.get(1), StandardOpenOption.WRITE)) {
            ch.truncate(size - 30);
        }
        assertKnownAtOpening(Kind.TORN_TAIL, Kind.SEQUENCE_GAP);
        assertFound(Kind.TORN_TAIL, "an unfinished line after the last line feed");
        assertFound(Kind.SEQUENCE_GAP, "record 8 missing");
        assertIntact(without(8, 8));
    }

    @Test
    public void theLastSegmentTruncatedMidLineLosesOnlyTheUnfinishedLine() throws Exception {
        long size = Files.size(segments.get(2));
        try (var ch = java.nio.channels.FileChannel.open(segments.get(2), StandardOpenOption.WRITE)) {
            ch.truncate(size - 30);
        }
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.GROUP))) {
            assertTrue(journal.stats().truncatedBytes() > 0);
            assertEquals(List.of(), journal.verify().problems());
        }
        assertIntact(without(12, 12));
    }

    @Test
    public void garbageAppendedWithALineFeedIsKeptAndUndecodable() throws Exception {
        long end = Files.size(segments.get(2));
        Files.write(segments.get(2), "\u001b[2Jgarbage\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertKnownAtOpening(Kind.UNDECODABLE);
        JournalProblem p = assertFound(Kind.UNDECODABLE, "not a journal record: not a journal record (expected "
                + "{\"seq\":…,\"prev\":…,\"emitter\":…, the event's fields})");
        assertEquals(end, p.offset());
        assertIntact(ids);
    }

    @Test
    public void garbageAppendedWithoutALineFeedIsCutAtOpeningAsAnUnfinishedWrite() throws Exception {
        long end = Files.size(segments.get(2));
        Files.write(segments.get(2), "garbage".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.GROUP))) {
            assertEquals(7, journal.stats().truncatedBytes());
        }
        assertEquals(end, Files.size(segments.get(2)));
        assertIntact(ids);
    }

    @Test
    public void garbageWithoutALineFeedInAMiddleSegmentIsATornTail() throws Exception {
        Files.write(segments.get(0), "garbage".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertKnownAtOpening(Kind.TORN_TAIL);
        assertFound(Kind.TORN_TAIL, "an unfinished line after the last line feed");
        assertIntact(ids);
    }

    @Test
    public void theJournalGoesOnAfterTamperingAndNewRecordsLinkToTheLastGoodOne() throws Exception {
        Files.delete(segments.get(2));
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.GROUP))) {
            DomainEvent next = JournalFixture.event(99);
            journal.append(next);
            JournalReport report = journal.verify();
            assertEquals(List.of(), report.problems());
            assertEquals(9, report.lastSeq());
        }
    }

    private JournalReport verify() throws Exception {
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.GROUP))) {
            return journal.verify();
        }
    }

    private void assertKnownAtOpening(Kind... kinds) throws Exception {
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.GROUP))) {
            assertEquals(List.of(kinds), journal.knownProblems().stream().map(JournalProblem::kind)
                    .collect(Collectors.toList()));
        }
    }

    private JournalProblem assertFound(Kind kind, String detail) throws Exception {
        JournalReport report = verify();
        assertTrue(report.summary(), !report.isClean());
        for (JournalProblem p : report.problems()) {
            if (p.kind() == kind && p.detail().equals(detail)) {
                return p;
            }
        }
        throw new AssertionError("no " + kind + " \"" + detail + "\" in " + report.problems());
    }

    private void assertIntact(List<String> expected) {
        assertEquals(expected, JournalFixture.reopenAndReadIds(dir, Durability.GROUP));
    }

    private void assertIntactAsSet(List<String> expected) {
        assertEquals(Set.copyOf(expected), Set.copyOf(JournalFixture.reopenAndReadIds(dir, Durability.GROUP)));
    }

    /** @return every id except those of records {@code fromSeq..toSeq} (from 1) */
    private List<String> without(int fromSeq, int toSeq) {
        List<String> kept = new ArrayList<>(ids);
        kept.subList(fromSeq - 1, toSeq).clear();
        return kept;
    }
}
