package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The log folder and its files are owner-only, whatever they were before. */
public class LogFolderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void createsTheFolderAndTheLogOwnerOnly() throws Exception {
        Path folder = tmp.getRoot().toPath().resolve("data/log");
        LogFolder.secure(folder);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(LogFolder.LOG_FILE))));
    }

    @Test
    public void tightensAnExistingFolderAndItsFilesAndKeepsTheirContent() throws Exception {
        Path folder = tmp.newFolder("log").toPath();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(folder.resolve("runtime.2026-12-01.0.log"), "old line\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectory(folder.resolve("sub"));

        LogFolder.secure(folder);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
        assertEquals("old line\n", Files.readString(old));
    }
}
