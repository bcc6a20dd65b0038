package ai.cleveragents.events.bus.reactive.internal.journal;

import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.event;
import static ai.cleveragents.events.bus.reactive.internal.journal.JournalFixture.settings;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;

public class ReplayCursorTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aSegmentDeletedBeforeTheReplayReachesItIsSkipped() throws Exception {
        Path dir = tmp.getRoot().toPath();
        DomainEvent first = event(1);
        DomainEvent third = event(3);
        try (Journal journal = Journal.open(settings(dir, Durability.NONE).withSegmentMaxBytes(10))) {
            journal.append(first);
            journal.append(event(2));
            journal.append(third);
            try (Stream<DomainEvent> replay = journal.replaySince(Instant.EPOCH, Set.of())) {
                Iterator<DomainEvent> events = replay.iterator();
                assertEquals(first, events.next());
                Files.delete(SegmentFiles.list(dir).get(1).path());
                assertEquals(third, events.next());
                assertFalse(events.hasNext());
            }
        }
    }

    @Test
    public void anExhaustedCursorThrowsNoSuchElement() {
        try (ReplayCursor cursor = new ReplayCursor(List.of(), new EventCodec())) {
            assertFalse(cursor.hasNext());
            assertThrows(NoSuchElementException.class, cursor::next);
        }
    }

    @Test
    public void aBoundedStreamStopsAtItsLimitByteByByte() throws Exception {
        try (InputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[] {1, 2, (byte) 0xff, 4}), 3)) {
            assertEquals(1, in.read());
            assertEquals(2, in.read());
            assertEquals(0xff, in.read());
            assertEquals(-1, in.read());
        }
    }
}
