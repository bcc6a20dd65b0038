package ai.cleveragents.events.bus.reactive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/** The stream subscriber's lock-free ring: bounds, order, and no event lost or repeated under concurrent emitters. */
public class EventRingTest {

    @Rule
    public final Timeout timeout = new Timeout(60, TimeUnit.SECONDS);

    @Test
    public void aRingOfOneSlotHoldsOneEvent() {
        EventRing ring = new EventRing(1);
        DomainEvent a = DomainEvent.of(EventType.PLAN_CREATED);
        DomainEvent b = DomainEvent.of(EventType.PLAN_CREATED);
        assertTrue(ring.isEmpty());
        assertTrue(ring.offer(a));
        assertFalse(ring.offer(b));
        assertFalse(ring.isEmpty());
        assertSame(a, ring.poll());
        assertNull(ring.poll());
        assertTrue(ring.offer(b));
        assertSame(b, ring.poll());
        assertTrue(ring.isEmpty());
    }

    @Test
    public void itKeepsOrderWrapsAroundAndClears() {
        EventRing ring = new EventRing(3);
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(DomainEvent.of(EventType.PLAN_CREATED));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3; i++) {
                assertTrue(ring.offer(events.get(round * 3 + i)));
            }
            assertFalse(ring.offer(events.get(9)));
            for (int i = 0; i < 3; i++) {
                assertSame(events.get(round * 3 + i), ring.poll());
            }
        }
        ring.offer(events.get(0));
        ring.offer(events.get(1));
        ring.clear();
        assertTrue(ring.isEmpty());
        assertEquals(3, ring.capacity());
        assertThrows(IllegalArgumentException.class, () -> new EventRing(0));
    }

    @Test
    public void concurrentEmittersLoseAndRepeatNothingAndKeepTheirOwnOrder() throws Exception {
        int producers = 3;
        int perProducer = 20_000;
        EventRing ring = new EventRing(64);
        Map<DomainEvent, int[]> origin = new HashMap<>();
        List<List<DomainEvent>> sent = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            List<DomainEvent> mine = new ArrayList<>();
            for (int i = 0; i < perProducer; i++) {
                DomainEvent e = DomainEvent.of(EventType.PLAN_CREATED);
                mine.add(e);
                origin.put(e, new int[] {p, i});
            }
            sent.add(mine);
        }
        List<Thread> threads = new ArrayList<>();
        for (List<DomainEvent> mine : sent) {
            Thread t = new Thread(() -> mine.forEach(e -> {
                while (!ring.offer(e)) {
                    Thread.yield(); // full: let the consumer run (2 cores, 5 threads)
                }
            }));
            threads.add(t);
            t.start();
        }
        int[] next = new int[producers];
        for (int received = 0; received < producers * perProducer;) {
            DomainEvent e = ring.poll();
            if (e == null) {
                Thread.yield();
                continue;
            }
            int[] from = origin.get(e);
            assertEquals("producer " + from[0] + "'s order", next[from[0]], from[1]);
            next[from[0]]++;
            received++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertNull(ring.poll());
    }
}
