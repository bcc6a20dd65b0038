package ai.cleveragents.events.bus.reactive.internal.journal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;

public class ActiveSegmentTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aChannelClosedByAnInterruptIsReopenedForTheNextWrite() throws Exception {
        Path dir = tmp.getRoot().toPath();
        try (ActiveSegment segment = ActiveSegment.create(dir, 7, DomainEvent.newUlid())) {
            assertEquals(7, segment.sequence());
            segment.write(line("one"));
            Thread.currentThread().interrupt();
            try {
                assertThrows(ClosedByInterruptException.class, () -> segment.write(line("lost")));
                assertTrue("the interrupt is kept", Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
            assertFalse("the failed write was undone", segment.damaged());
            assertEquals(4, Files.size(segment.path()));
            segment.reopenIfClosedByInterrupt();
            segment.write(line("two"));
            segment.force();
            assertEquals(8, segment.size());
            assertArrayEquals("one\ntwo\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(segment.path()));
        }
    }

    @Test
    public void aClosedSegmentStaysClosed() throws Exception {
        ActiveSegment segment = ActiveSegment.create(tmp.getRoot().toPath(), 0, DomainEvent.newUlid());
        segment.close();
        assertThrows(ClosedChannelException.class, () -> segment.write(line("late")));
        assertThrows(ClosedChannelException.class, segment::force);
    }

    private static ByteBuffer line(String text) {
        return ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
