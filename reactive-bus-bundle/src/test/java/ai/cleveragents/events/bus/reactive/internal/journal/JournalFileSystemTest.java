package ai.cleveragents.events.bus.reactive.internal.journal;

import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.event;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.settings;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;

/** Permissions, unusable directories and failing writes. */
public class JournalFileSystemTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aMissingDirectoryIsCreatedOwnerOnlyAndSegmentsAreOwnerReadWrite() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path dir = tmp.getRoot().toPath().resolve("data").resolve("journal");
        try (Journal journal = Journal.open(settings(dir, Durability.GROUP).withSegmentMaxBytes(10))) {
            journal.append(event(1));
            journal.append(event(2));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        for (SegmentFiles.Segment s : SegmentFiles.list(dir)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.path())));
        }
        assertEquals(2, SegmentFiles.list(dir).size());
    }

    @Test
    public void aDirectoryThatCannotBeCreatedFailsNamingThePathAndTheReason() throws Exception {
        Path file = tmp.newFile("plain-file").toPath();
        Path dir = file.resolve("journal");
        IOException e = assertThrows(IOException.class, () -> Journal.open(settings(dir, Durability.GROUP)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("cannot create journal directory " + dir + ": "));
        assertTrue(e.getMessage(), e.getMessage().endsWith(": Not a directory"));
    }

    @Test
    public void aFileInPlaceOfTheDirectoryFailsNamingThePath() throws Exception {
        Path file = tmp.newFile("journal").toPath();
        IOException e = assertThrows(IOException.class, () -> Journal.open(settings(file, Durability.GROUP)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("cannot create journal directory " + file + ": "));
    }

    @Test
    public void aReadOnlyDirectoryFailsNamingThePath() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path dir = tmp.newFolder("read-only").toPath();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        assumeFalse("permissions are not enforced for this user (root)", Files.isWritable(dir));
        IOException e = assertThrows(IOException.class, () -> Journal.open(settings(dir, Durability.GROUP)));
        assertEquals("journal directory " + dir + " is not writable", e.getMessage());
    }

    @Test
    public void aFullDiskMakesAppendFailWithJournalException() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue("needs /dev/full", Files.exists(full));
        Path dir = tmp.getRoot().toPath();
        Files.createSymbolicLink(dir.resolve(SegmentFiles.name(0, DomainEvent.newUlid())), full);
        Journal journal = Journal.open(settings(dir, Durability.GROUP));
        JournalException e = assertThrows(JournalException.class, () -> journal.append(event(1)));
        assertTrue(e.getMessage(), e.getMessage().contains("No space left on device"));
        assertThrows(JournalException.class, () -> journal.append(event(2)));
        assertEquals(Optional.empty(), journal.lastEventId());
        assertEquals(0, journal.stats().appends());
        assertThrows("the final fsync of a device fails too", IOException.class, journal::close);
        assertThrows(JournalException.class, () -> journal.append(event(3)));
    }

    @Test
    public void anUnreadableSegmentFailsNamingItAndTheReason() throws Exception {
        Path dir = tmp.newFolder("with-a-directory-segment").toPath();
        Path segment = dir.resolve(SegmentFiles.name(0, ai.cleveragents.events.DomainEvent.newUlid()));
        Files.createDirectory(segment);
        IOException e = assertThrows(IOException.class, () -> Journal.open(settings(dir, Durability.GROUP)));
        assertEquals("cannot repair journal segment " + segment + ": Is a directory", e.getMessage());
    }
}
