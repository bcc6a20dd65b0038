package ai.cleveragents.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.f4b6a3.ulid.Ulid;

import org.junit.Test;

/**
 * Event ids generated from several threads at once: strictly increasing within each thread and unique
 * across all threads. Ids are kept as two longs each to hold a million of them cheaply.
 */
public class EventIdConcurrencyTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 250_000;

    @Test(timeout = 120_000)
    public void idsFromFourThreadsAreIncreasingPerThreadAndGloballyUnique() throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(generate(start)));
            }
            List<long[]> perThread = new ArrayList<>();
            for (Future<long[]> f : futures) {
                long[] ids = f.get();
                assertStrictlyIncreasing(ids);
                perThread.add(ids);
            }
            assertEquals(THREADS * PER_THREAD, mergeCheckingUniqueness(perThread));
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private static Callable<long[]> generate(CyclicBarrier start) {
        return () -> {
            long[] ids = new long[PER_THREAD * 2];
            start.await();
            for (int i = 0; i < PER_THREAD; i++) {
                Ulid id = Ulid.from(DomainEvent.of(EventType.TOOL_INVOKED).eventId());
                ids[2 * i] = id.getMostSignificantBits();
                ids[2 * i + 1] = id.getLeastSignificantBits();
            }
            return ids;
        };
    }

    private static void assertStrictlyIncreasing(long[] ids) {
        for (int i = 1; i < ids.length / 2; i++) {
            if (compare(ids, i - 1, ids, i) >= 0) {
                fail("id " + i + " of a thread is not greater than the one before it");
            }
        }
    }

    /** K-way merge of the per-thread sorted sequences; a repeated id shows up as two equal neighbours. */
    private static int mergeCheckingUniqueness(List<long[]> sequences) {
        int[] next = new int[sequences.size()];
        long[] last = null;
        int lastIndex = -1;
        int merged = 0;
        while (true) {
            int best = -1;
            for (int s = 0; s < sequences.size(); s++) {
                if (next[s] < sequences.get(s).length / 2
                        && (best < 0 || compare(sequences.get(s), next[s], sequences.get(best), next[best]) < 0)) {
                    best = s;
                }
            }
            if (best < 0) {
                return merged;
            }
            long[] seq = sequences.get(best);
            if (last != null && compare(last, lastIndex, seq, next[best]) >= 0) {
                fail("duplicate id across threads at merged position " + merged);
            }
            last = seq;
            lastIndex = next[best]++;
            merged++;
        }
    }

    private static int compare(long[] a, int i, long[] b, int j) {
        int c = Long.compareUnsigned(a[2 * i], b[2 * j]);
        return c != 0 ? c : Long.compareUnsigned(a[2 * i + 1], b[2 * j + 1]);
    }
}
