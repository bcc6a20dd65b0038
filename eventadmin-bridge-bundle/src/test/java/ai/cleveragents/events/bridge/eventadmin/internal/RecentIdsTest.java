package ai.cleveragents.events.bridge.eventadmin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.Test;

/** The dedupe memory stays within its capacity and forgets the oldest ids first. */
public class RecentIdsTest {

    @Test
    public void memoryIsBoundedByTheCapacity() {
        RecentIds ids = new RecentIds(100);
        for (int i = 0; i < 100_000; i++) {
            assertTrue(ids.add("id-" + i));
            assertTrue(ids.size() <= 100);
        }
        assertEquals(100, ids.size());
        for (int i = 99_900; i < 100_000; i++) {
            assertTrue(ids.contains("id-" + i));
        }
        assertFalse(ids.contains("id-99899"));
        assertFalse(ids.contains("id-0"));
    }

    @Test
    public void aRememberedIdIsNotAddedTwice() {
        RecentIds ids = new RecentIds(2);
        assertTrue(ids.add("a"));
        assertFalse(ids.add("a"));
        assertTrue(ids.add("b"));
        assertTrue(ids.add("c"));
        assertFalse(ids.contains("a"));
        assertTrue(ids.add("a"));
        assertFalse(ids.contains("b"));
        assertTrue(ids.contains("c"));
    }

    @Test
    public void concurrentAddsStayBounded() throws InterruptedException {
        RecentIds ids = new RecentIds(64);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 1_000_000;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    ids.add("t" + (base + i));
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(64, ids.size());
    }

    @Test
    public void theCapacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RecentIds(0));
    }
}
