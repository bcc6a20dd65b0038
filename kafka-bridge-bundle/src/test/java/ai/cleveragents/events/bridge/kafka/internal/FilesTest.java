package ai.cleveragents.events.bridge.kafka.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;

/** The node id and the checkpoint: persisted owner-only, corrupt files named and never quoted. */
public class FilesTest {

    @Rule
    public final TemporaryFolder dir = new TemporaryFolder();

    @Test
    public void aGeneratedNodeIdIsKeptOwnerOnly() throws Exception {
        Path file = dir.getRoot().toPath().resolve("kafka").resolve("node-id");
        String id = NodeId.resolve("", file);
        assertTrue(DomainEvent.isValidEventId(id));
        assertEquals(id, NodeId.resolve("", file));
        assertEquals("configured", NodeId.resolve("configured", file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    public void aCorruptNodeIdFileIsNamedNotQuoted() throws Exception {
        Path file = dir.newFile("node-id").toPath();
        Files.writeString(file, "\u001b[31mevil id\n");
        IOException e = assertThrows(IOException.class, () -> NodeId.resolve("", file));
        assertTrue(e.getMessage(), e.getMessage().contains(file.toString()));
        assertFalse(e.getMessage(), e.getMessage().contains("evil"));
        Files.write(file, new byte[1000]);
        assertThrows(IOException.class, () -> NodeId.resolve("", file));
    }

    @Test
    public void theCheckpointRoundTripsAndACorruptOneIsNamed() throws Exception {
        OutboundCheckpoint c = new OutboundCheckpoint(dir.getRoot().toPath().resolve("data"), "main");
        assertEquals(Optional.empty(), c.read());
        String id = DomainEvent.newUlid();
        c.write(id);
        assertEquals(Optional.of(id), c.read());
        Files.writeString(c.path(), "event_id=not-a-ulid-secret\n");
        IOException e = assertThrows(IOException.class, c::read);
        assertTrue(e.getMessage(), e.getMessage().startsWith("corrupt checkpoint file " + c.path()));
        assertFalse(e.getMessage(), e.getMessage().contains("secret"));
    }
}
