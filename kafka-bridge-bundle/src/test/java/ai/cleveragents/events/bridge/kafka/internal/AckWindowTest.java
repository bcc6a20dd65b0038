package ai.cleveragents.events.bridge.kafka.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/** The acknowledged prefix never skips a pending event; a full window holds the reader back. */
public class AckWindowTest {

    @Test
    public void theCheckpointIsTheAcknowledgedPrefix() throws Exception {
        AckWindow w = new AckWindow(10, null);
        AckWindow.Slot a = w.add("A", 1);
        AckWindow.Slot b = w.add("B", 2);
        AckWindow.Slot c = w.add("C", 3);
        w.ack(b);
        assertNull("B is acknowledged but A is not", w.ackedThrough());
        assertEquals(1, w.oldestSentNanos(99));
        w.ack(a);
        assertEquals("B", w.ackedThrough());
        assertEquals(1, w.pending());
        w.ack(c);
        assertEquals("C", w.ackedThrough());
        assertEquals(99, w.oldestSentNanos(99));
        assertThrows(IllegalStateException.class, () -> {
            w.add("D", 4);
            w.skipTo("E");
        });
    }

    @Test
    public void aFullWindowWaitsForAnAckAndAResetReleasesTheWaiter() throws Exception {
        AckWindow w = new AckWindow(1, "Z");
        AckWindow.Slot a = w.add("A", 1);
        CompletableFuture<AckWindow.Slot> second = CompletableFuture.supplyAsync(() -> add(w, "B"));
        w.ack(a);
        assertEquals("A", w.ackedThrough());
        AckWindow.Slot b = second.get(10, TimeUnit.SECONDS);
        CompletableFuture<AckWindow.Slot> third = new CompletableFuture<>();
        Thread waiter = new Thread(() -> third.complete(add(w, "C")));
        waiter.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiter.getState() == Thread.State.WAITING);
        w.reset();
        assertNull(third.get(10, TimeUnit.SECONDS));
        w.ack(b);
        assertEquals("a reset keeps the acknowledged prefix", "A", w.ackedThrough());
        assertEquals(0, w.pending());
        w.skipTo("Y");
        assertEquals("Y", w.ackedThrough());
    }

    private static AckWindow.Slot add(AckWindow w, String id) {
        try {
            return w.add(id, 0);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
