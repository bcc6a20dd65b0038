package ai.cleveragents.events.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;

/**
 * Watches {@code deploy/} while the runtime runs and prints, once per problem, a line naming each jar
 * that is not a bundle or cannot resolve ({@link DeployCheck}); a problem still there on the second
 * look (one second later) is reported, so FileInstall has had time to install a jar just copied in.
 */
final class DeployWatch implements AutoCloseable {

    static final long PERIOD_MS = 1_000;

    private final BundleContext context;
    private final Path deployDir;
    private final PrintStream err;
    /** Problems seen at the last look; touched only by the watch thread. */
    private Map<String, String> seen = new HashMap<>();
    /** Problems already printed; touched only by the watch thread. */
    private final Map<String, String> reported = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "cleveragents-events deploy watch");
        t.setDaemon(true);
        return t;
    });

    DeployWatch(BundleContext context, Path deployDir, PrintStream err) {
        this.context = context;
        this.deployDir = deployDir;
        this.err = err;
        timer.scheduleWithFixedDelay(this::look, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void look() {
        Map<String, String> now;
        try {
            now = DeployCheck.problems(context, deployDir);
        } catch (IOException | IllegalStateException stoppingOrGone) {
            return;
        }
        now.forEach((jar, problem) -> {
            if (problem.equals(seen.get(jar)) && !problem.equals(reported.get(jar))) {
                err.println("cleveragents-events: deploy/" + jar + ": " + problem);
                reported.put(jar, problem);
            }
        });
        reported.keySet().retainAll(now.keySet());
        seen = now;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
