package ai.cleveragents.events.bus.reactive.internal.journal;

import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.event;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.settings;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;

/** A failing fsync, interrupted emitters and bad replay requests. */
public class JournalFailureTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aFailedGroupFsyncFailsTheAppendAndEveryLaterOne() throws Exception {
        assertFsyncFailureIsFinal(Durability.GROUP);
    }

    @Test
    public void aFailedFsyncUnderAlwaysFailsTheAppendAndEveryLaterOne() throws Exception {
        assertFsyncFailureIsFinal(Durability.ALWAYS);
    }

    /** {@code /dev/null} takes writes but refuses {@code fsync} (EINVAL), like a failing device. */
    private void assertFsyncFailureIsFinal(Durability durability) throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue("needs /dev/null", Files.exists(devNull));
        Path dir = tmp.getRoot().toPath();
        Files.createSymbolicLink(dir.resolve(SegmentFiles.name(0, DomainEvent.newUlid())), devNull);
        Journal journal = Journal.open(settings(dir, durability));
        JournalException first = assertThrows(JournalException.class, () -> journal.append(event(1)));
        assertTrue(first.getMessage(), first.getMessage().contains("fsync of "));
        JournalException later = assertThrows(JournalException.class, () -> journal.append(event(2)));
        assertTrue(later.getMessage(), later.getMessage().contains("an earlier fsync failed"));
        assertEquals(Optional.empty(), journal.lastEventId());
        assertThrows(IOException.class, journal::close);
    }

    @Test
    public void anInterruptedEmitterStillAppendsAndKeepsItsInterruptStatus() throws Exception {
        try (Journal journal = Journal.open(settings(tmp.getRoot().toPath(), Durability.GROUP))) {
            DomainEvent e = event(1);
            Thread.currentThread().interrupt();
            try {
                journal.append(e);
                assertTrue(Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
            assertEquals(Optional.of(e.eventId()), journal.lastEventId());
            journal.append(event(2));
            assertEquals(2, journal.stats().appends());
        }
    }

    @Test
    public void replayFromAnUnknownIdFailsNamingIt() throws Exception {
        try (Journal journal = Journal.open(settings(tmp.getRoot().toPath(), Durability.NONE))) {
            journal.append(event(1));
            String unknown = DomainEvent.newUlid();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> journal.replayFrom(unknown, Set.of()));
            assertTrue(e.getMessage(), e.getMessage().startsWith("no event with id " + unknown + " in journal "));
            assertThrows(NullPointerException.class, () -> journal.replayFrom(null, Set.of()));
            assertThrows(NullPointerException.class, () -> journal.replaySince(Instant.EPOCH, null));
            assertThrows(NullPointerException.class, () -> journal.append(null));
        }
    }

    @Test
    public void aJournalWhoseDirectoryVanishedCannotBeReplayed() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("gone");
        try (Journal journal = Journal.open(settings(dir, Durability.NONE))) {
            Files.delete(dir.resolve(JournalLock.FILE));
            Files.delete(dir);
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> journal.replaySince(Instant.EPOCH, Set.of()));
            assertEquals("cannot list journal " + dir + ": No such file or directory", e.getMessage());
        }
    }
}
