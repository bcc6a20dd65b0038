package ai.cleveragents.events.bus.reactive.internal;

import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Randomized-schedule stress harness for the reactive bus (journal + stream + synchronous dispatch;
 * see docs/reliability.md). Each seed picks 1-3 emitters, the stream overflow policy, a buffer of
 * 1-64 events, the journal durability ({@code none}, or {@code group} with fewer events), two stream
 * subscribers from the start (unbounded demand, and batches of 1-16), 0-2 late subscribers, a thread
 * churning synchronous subscriptions, whether the bus is closed in the middle, and how often threads
 * yield or spin. Checked for every seed: the synchronous handler and the journal (reopened and
 * replayed) hold exactly the accepted events, in per-thread order; each stream subscriber present from
 * the start received every accepted event or counted it as dropped (under {@code block}, drops happen
 * only for an emitter released by the close), in order; under {@code cancel} the only error is the
 * overflow one; every subscriber is completed after close; the only exception seen by callers is
 * {@code CLOSED} after the close began; metrics count every accepted event; no thread hangs.
 *
 * <p>Default build: 25 seeds. {@code -Psoak}: 500 seeds with up to 3,020 events per emitter.
 * {@code -Dstress.seeds=N -Dstress.seed=FIRST} override both.
 */
public class ReactiveStressTest {

    private static final boolean SOAK = Boolean.getBoolean("soak");
    private static final int SEEDS = Integer.getInteger("stress.seeds", SOAK ? 500 : 25);
    private static final long FIRST_SEED = Long.getLong("stress.seed", 1);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void everySeedKeepsEveryInvariant() throws Exception {
        List<String> failures = new ArrayList<>();
        long accepted = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            accepted += new ReactiveStressRound(seed, SOAK).run(tmp.newFolder().toPath(), failures);
        }
        System.out.printf("reactive stress: %d seeds from %d, %d emits accepted%n", SEEDS, FIRST_SEED, accepted);
        assertTrue(failures.size() + " violations, the first ones: " + failures.subList(0, Math.min(20, failures.size())),
                failures.isEmpty());
        assertTrue("the harness emitted", accepted > 0);
    }
}
