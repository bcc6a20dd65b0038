package ai.cleveragents.events.dispatch;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one seed of {@link ScheduleStressTest} runs: thread counts, operation counts, whether and when
 * the engine is closed, and how often threads are perturbed (yield or spin) at their decision points.
 * Everything is derived from the seed, so a failing seed is rerun with {@code -Dstress.seed=N
 * -Dstress.seeds=1}; the interleaving itself is up to the scheduler.
 */
final class StressSchedule {

    final long seed;
    final int emitters;
    final int churners;
    final int eventsPerEmitter;
    final int stableHandlers;
    final boolean throwingHandler;
    final boolean closeMidway;
    final long closeAfterEvents;
    private final int yieldPercent;
    private final int spinPercent;
    private final int maxSpins;

    StressSchedule(long seed, boolean soak) {
        Random r = new Random(seed);
        this.seed = seed;
        this.emitters = 1 + r.nextInt(4);
        this.churners = r.nextInt(4);
        this.eventsPerEmitter = 50 + r.nextInt(soak ? 5_000 : 300);
        this.stableHandlers = 1 + r.nextInt(3);
        this.throwingHandler = r.nextBoolean();
        this.closeMidway = r.nextInt(3) > 0;
        this.closeAfterEvents = r.nextInt(emitters * eventsPerEmitter);
        this.yieldPercent = r.nextInt(25);
        this.spinPercent = r.nextInt(25);
        this.maxSpins = 1 + r.nextInt(2_000);
    }

    /** A random pause at a decision point: nothing, a yield, or a short spin. */
    void perturb() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int dice = r.nextInt(100);
        if (dice < yieldPercent) {
            Thread.yield();
        } else if (dice < yieldPercent + spinPercent) {
            for (int i = r.nextInt(maxSpins); i > 0; i--) {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public String toString() {
        return "seed=" + seed + " emitters=" + emitters + " churners=" + churners + " events/emitter="
                + eventsPerEmitter + " stable=" + stableHandlers + " throwing=" + throwingHandler
                + " close=" + (closeMidway ? "after " + closeAfterEvents : "at end") + " yield%=" + yieldPercent
                + " spin%=" + spinPercent + " maxSpins=" + maxSpins;
    }
}
