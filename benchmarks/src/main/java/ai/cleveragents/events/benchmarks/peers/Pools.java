package ai.cleveragents.events.benchmarks.peers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Shuts down the thread pools of asynchronous peers. */
final class Pools {

    private Pools() {
    }

    /** Shuts the pool down and waits up to 10 s for its threads to finish. */
    static void shutdown(ExecutorService executor) {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
