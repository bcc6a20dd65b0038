package ai.cleveragents.events.operations.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries components whose activation failed once their configuration changed. Felix SCR leaves a
 * component whose constructor threw (for example on {@code service.ranking=abc}) in FAILED ACTIVATION
 * even after the configuration is fixed; disabling and enabling it again makes SCR build it afresh.
 *
 * <p>SCR learns of the change through its own configuration listener, in no defined order with ours:
 * a component enabled again before SCR holds the new properties would be built from the old ones and
 * fail again. So a retry waits (checking every {@value #STEP_MS} ms, by default at most {@value #PATIENCE_MS} ms)
 * until the failed component's properties carry the configuration's current values; a newer change of
 * the same PID supersedes a waiting one.
 */
@Component(service = ComponentRetry.class)
public final class ComponentRetry {

    static final long STEP_MS = 50;
    static final long PATIENCE_MS = 10_000;

    /** What one look at the components of a PID did. */
    enum Outcome {
        /** At least one failed component was disabled and enabled again. */
        RETRIED,
        /** A failed component does not carry the current configuration yet. */
        WAITING,
        /** No component of that PID is failed. */
        NOTHING
    }

    private static final Logger LOG = LoggerFactory.getLogger("ai.cleveragents.events.configuration");

    private final ServiceComponentRuntime scr;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cleveragents-events-configuration-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    private final long patienceMs;

    @Activate
    public ComponentRetry(@Reference ServiceComponentRuntime scr) {
        this(scr, PATIENCE_MS);
    }

    ComponentRetry(ServiceComponentRuntime scr, long patienceMs) {
        this.scr = scr;
        this.patienceMs = patienceMs;
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    /**
     * Retries, on this component's own thread, the failed components of a PID once SCR holds its
     * current configuration.
     *
     * @param pid a configuration PID that was created, updated or deleted
     * @param current its properties now, or {@code null} when it was deleted
     */
    void retryFailed(String pid, Map<String, Object> current) {
        long generation = generations.computeIfAbsent(pid, p -> new AtomicLong()).incrementAndGet();
        schedule(pid, current, generation, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMs), 0);
    }

    private void schedule(String pid, Map<String, Object> current, long generation, long deadline, long delayMs) {
        try {
            timer.schedule(() -> follow(pid, current, generation, deadline), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("configuration {} changed while this bundle stops: no retry", pid);
        }
    }

    private void follow(String pid, Map<String, Object> current, long generation, long deadline) {
        if (generations.get(pid).get() != generation || attempt(pid, current) != Outcome.WAITING) {
            return;
        }
        if (System.nanoTime() - deadline < 0) {
            schedule(pid, current, generation, deadline, STEP_MS);
        } else {
            LOG.warn("configuration {} changed, but its failed components did not receive it within {} ms: not"
                    + " retried; restart their bundle", pid, patienceMs);
        }
    }

    /**
     * Looks once at the components of a PID and retries those that failed and carry the current
     * configuration.
     */
    Outcome attempt(String pid, Map<String, Object> current) {
        Outcome outcome = Outcome.NOTHING;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!Arrays.asList(description.configurationPid).contains(pid)) {
                continue;
            }
            ComponentConfigurationDTO failed = scr.getComponentConfigurationDTOs(description).stream()
                    .filter(c -> c.state == ComponentConfigurationDTO.FAILED_ACTIVATION).findFirst().orElse(null);
            if (failed == null) {
                continue;
            }
            if (!carries(failed.properties, pid, current)) {
                outcome = Outcome.WAITING;
                continue;
            }
            LOG.info("configuration {} changed: retrying component {}, whose activation had failed", pid,
                    description.name);
            scr.disableComponent(description).onResolve(() -> scr.enableComponent(description));
            outcome = outcome == Outcome.WAITING ? outcome : Outcome.RETRIED;
        }
        return outcome;
    }

    private static boolean carries(Map<String, Object> properties, String pid, Map<String, Object> current) {
        Map<String, Object> held = properties == null ? Map.of() : properties;
        if (current == null) {
            return !pid.equals(held.get("service.pid"));
        }
        return current.entrySet().stream().allMatch(e -> Objects.deepEquals(e.getValue(), held.get(e.getKey())));
    }
}
