package ai.cleveragents.events.bus.reactive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.bus.reactive.internal.journal.Checkpoint;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** When a named catch-up handler's checkpoint is stored, and what a failing store or a bad file does. */
public class CheckpointKeeperTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Checkpoint at(long seq) {
        return new Checkpoint(seq, DomainEvent.of(EventType.PLAN_CREATED).eventId());
    }

    @Test
    public void storesEveryThousandRecordsWhenCaughtUpAndAtTheEnd() throws Exception {
        CheckpointFile file = CheckpointFile.of(tmp.getRoot().toPath(), "keeper");
        CheckpointKeeper keeper = new CheckpointKeeper(file, null);
        keeper.caughtUp();
        assertEquals(Optional.empty(), file.read());
        Checkpoint last = null;
        for (int i = 1; i <= CheckpointKeeper.EVERY; i++) {
            last = at(i);
            keeper.consumed(last);
        }
        assertEquals(Optional.of(last), file.read());
        Checkpoint next = at(CheckpointKeeper.EVERY + 1);
        keeper.consumed(next);
        assertEquals(Optional.of(last), file.read());
        keeper.ended();
        assertEquals(Optional.of(next), file.read());
    }

    @Test
    public void aFailingStoreIsRetriedAtTheNextOccasionAndNeverThrows() throws Exception {
        Path journal = tmp.newFolder().toPath();
        Path blocker = Files.writeString(journal.resolve("checkpoints"), "not a directory");
        CheckpointFile file = CheckpointFile.of(journal, "keeper");
        CheckpointKeeper keeper = new CheckpointKeeper(file, null);
        keeper.consumed(at(1));
        keeper.caughtUp();
        keeper.consumed(at(2));
        keeper.caughtUp();
        Files.delete(blocker);
        keeper.ended();
        assertEquals(2, file.read().orElseThrow().seq());
    }

    @Test
    public void invalidNamesAndOversizedFilesAreRefused() throws Exception {
        Path journal = tmp.newFolder().toPath();
        for (String bad : new String[] {"", ".hidden", "a/b", "x".repeat(65), "é"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointFile.of(journal, bad));
            assertEquals("invalid event.checkpoint: a name is " + CheckpointFile.NAMES, e.getMessage());
        }
        CheckpointFile file = CheckpointFile.of(journal, "big");
        Files.createDirectories(file.path().getParent());
        Files.writeString(file.path(), "seq=1\nevent_id=" + at(1).eventId() + "\n" + " ".repeat(200));
        IOException e = assertThrows(IOException.class, file::read);
        assertTrue(e.getMessage(), e.getMessage().startsWith("corrupt checkpoint file " + file.path()));
    }
}
