package ai.cleveragents.events.bus.reactive.internal.journal;

import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.event;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.ids;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.settings;
import static org.junit.Assert.assertEquals;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalReport;

/** Opening a journal whose last segment ends in a torn or garbage tail. */
public class JournalRecoveryTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path dir;
    private final List<String> written = new ArrayList<>();

    @Test
    public void aTornLastLineIsCutOffAndReported() throws Exception {
        Path segment = writeEvents(5);
        long sizeBefore = Files.size(segment);
        String torn = "{\"event_id\":\"01JABC";
        append(segment, torn);
        assertRecovers(torn.length(), segment, sizeBefore);
    }

    @Test
    public void aCompleteGarbageLastLineIsKeptReportedAndSkipped() throws Exception {
        Path segment = writeEvents(3);
        long sizeBefore = Files.size(segment);
        String garbage = "{\"not\":\"an event\"}\n";
        append(segment, garbage);
        assertRecovers(0, segment, sizeBefore + garbage.length());
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP))) {
            JournalReport report = journal.verify();
            assertEquals(1, report.problems().size());
            assertEquals(JournalProblem.Kind.UNDECODABLE, report.problems().get(0).kind());
            assertEquals(sizeBefore, report.problems().get(0).offset());
        }
    }

    @Test
    public void garbageFollowedByAnIncompleteLineLosesOnlyTheIncompleteLine() throws Exception {
        Path segment = writeEvents(3);
        String complete = "\u0000\u0000garbage\n";
        append(segment, complete);
        long sizeBefore = Files.size(segment);
        String torn = "{\"seq\":";
        append(segment, torn);
        assertRecovers(torn.length(), segment, sizeBefore);
    }

    @Test
    public void aSegmentHoldingOnlyATornLineBecomesEmptyAndTheLastEventComesFromTheSegmentBefore()
            throws Exception {
        dir = tmp.getRoot().toPath();
        DomainEvent first = event(1);
        try (Journal journal = Journal.open(settings(dir, Durability.ALWAYS).withSegmentMaxBytes(10))) {
            journal.append(first);
            journal.append(event(2));
        }
        Path last = SegmentFiles.list(dir).get(1).path();
        long size = Files.size(last);
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.truncate(size - 41);
        }
        try (Journal journal = Journal.open(settings(dir, Durability.ALWAYS))) {
            assertEquals(size - 41, journal.stats().truncatedBytes());
            assertEquals(Optional.of(first.eventId()), journal.lastEventId());
            assertEquals(List.of(first.eventId()), ids(journal.replaySince(Instant.EPOCH, Set.of())));
        }
    }

    @Test
    public void anEmptyLastLineAndACleanJournalAreLeftAlone() throws Exception {
        Path segment = writeEvents(2);
        append(segment, "\n");
        long size = Files.size(segment);
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP))) {
            assertEquals(0, journal.stats().truncatedBytes());
            assertEquals(written, ids(journal.replaySince(Instant.EPOCH, Set.of())));
        }
        assertEquals(size, Files.size(segment));
    }

    @Test
    public void aJournalOfOnlyGarbageRecoversToEmpty() throws Exception {
        dir = tmp.getRoot().toPath();
        Path segment = dir.resolve(SegmentFiles.name(0, DomainEvent.newUlid()));
        String garbage = "garbage without a line end";
        Files.writeString(segment, garbage);
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP))) {
            assertEquals(garbage.length(), journal.stats().truncatedBytes());
            assertEquals(Optional.empty(), journal.lastEventId());
            DomainEvent e = event(3);
            journal.append(e);
            assertEquals(List.of(e.eventId()), ids(journal.replaySince(Instant.EPOCH, Set.of())));
        }
    }

    @Test
    public void aGarbageLineAtTheEndIsAKnownProblemAtOpening() throws Exception {
        Path segment = writeEvents(2);
        append(segment, "garbage\n");
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP))) {
            List<JournalProblem> problems = journal.knownProblems();
            assertEquals(1, problems.size());
            assertEquals(JournalProblem.Kind.UNDECODABLE, problems.get(0).kind());
            assertEquals(segment.getFileName().toString(), problems.get(0).segment());
        }
    }

    @Test
    public void aBadLineInsideASegmentIsSkippedOnReplay() throws Exception {
        Path segment = writeEvents(2);
        List<String> lines = new ArrayList<>(Files.readAllLines(segment));
        lines.add(1, "{\"broken\":true}");
        Files.write(segment, lines);
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP))) {
            assertEquals(0, journal.stats().truncatedBytes());
            assertEquals(written, ids(journal.replaySince(Instant.EPOCH, Set.of())));
            assertEquals(Optional.of(written.get(1)), journal.lastEventId());
        }
    }

    private void assertRecovers(long cut, Path segment, long sizeBefore) throws Exception {
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP))) {
            assertEquals(cut, journal.stats().truncatedBytes());
            assertEquals(sizeBefore, Files.size(segment));
            assertEquals(Optional.of(written.get(written.size() - 1)), journal.lastEventId());
            DomainEvent next = event(99);
            journal.append(next);
            written.add(next.eventId());
            assertEquals(written, ids(journal.replaySince(Instant.EPOCH, Set.of())));
        }
        try (Journal again = Journal.open(settings(dir, Durability.GROUP))) {
            assertEquals(0, again.stats().truncatedBytes());
        }
    }

    private Path writeEvents(int count) throws Exception {
        dir = tmp.getRoot().toPath();
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP))) {
            for (int i = 0; i < count; i++) {
                DomainEvent e = event(i);
                journal.append(e);
                written.add(e.eventId());
            }
        }
        return SegmentFiles.list(dir).get(0).path();
    }

    private static void append(Path segment, String text) throws Exception {
        Files.write(segment, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    }
}
