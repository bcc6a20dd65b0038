package ai.cleveragents.events.dispatch;

import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/**
 * Randomized-schedule stress harness for the dispatch engine (see docs/reliability.md). For each seed
 * a {@link StressSchedule} picks 1-4 emitting threads, 0-3 threads that subscribe, close subscriptions
 * and close owners, 1-3 stable subscribers, an optional throwing subscriber, whether the engine is
 * closed in the middle of the run, and how often every thread yields or spins at its decision points
 * (between operations, inside the stage, inside handlers, after the gate closes). Checked for every
 * seed:
 * <ul>
 * <li>each stable subscriber got exactly the events whose {@code emit} returned normally, no more
 * (nothing rejected by the close was half-delivered), in per-thread emission order;</li>
 * <li>the only exception any caller saw is {@code EventRejectedException} {@code CLOSED}, and only
 * once the close had started; nothing is accepted, and no handler runs, after close returned;</li>
 * <li>metrics: emitted = accepted = stage calls; deliveries = every successful handler call;
 * failures = every throwing call; no unhandled event; the subscription count is back to the stable
 * subscribers, and to 0 after close;</li>
 * <li>no thread hangs (60 s per thread).</li>
 * </ul>
 * Default build: 40 seeds, 50-349 events per emitter. {@code -Psoak}: 2,000 seeds, up to 5,050
 * events per emitter. {@code -Dstress.seeds=N -Dstress.seed=FIRST} override both.
 */
public class ScheduleStressTest {

    private static final boolean SOAK = Boolean.getBoolean("soak");
    private static final int SEEDS = Integer.getInteger("stress.seeds", SOAK ? 2_000 : 40);
    private static final long FIRST_SEED = Long.getLong("stress.seed", 1);

    @Test
    public void everySeedKeepsEveryInvariant() throws Exception {
        List<String> failures = new ArrayList<>();
        long accepted = 0;
        long rejected = 0;
        long churnOps = 0;
        int closedMidway = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            StressRound.Totals t = new StressRound(new StressSchedule(seed, SOAK)).run(failures);
            accepted += t.accepted();
            rejected += t.rejected();
            churnOps += t.churnOps();
            closedMidway += t.closedMidway() ? 1 : 0;
        }
        System.out.printf("dispatch stress: %d seeds from %d, %d emits accepted, %d rejected as CLOSED, "
                + "%d churn operations, %d closes during emission%n", SEEDS, FIRST_SEED, accepted, rejected,
                churnOps, closedMidway);
        assertTrue(failures.size() + " violations, the first ones: " + failures.subList(0, Math.min(20, failures.size())),
                failures.isEmpty());
        assertTrue("the harness emitted", accepted > 0);
    }
}
