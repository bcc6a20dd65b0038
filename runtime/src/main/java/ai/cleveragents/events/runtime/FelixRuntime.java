package ai.cleveragents.events.runtime;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;

/**
 * One Felix framework: installs the distribution's bundles in place ({@code reference:} locations, so
 * nothing is copied into the cache), each at its start level, and starts them.
 */
final class FelixRuntime {

    private final Felix framework;
    private final PrintStream log;
    private final CountDownLatch started = new CountDownLatch(1);

    /**
     * @param properties the framework properties
     * @param log        where the framework's one-line log and installation problems go
     */
    FelixRuntime(Map<String, String> properties, PrintStream log) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put("felix.log.logger", new FrameworkLog(log));
        this.framework = new Felix(config);
        this.log = log;
    }

    /**
     * Installs and starts the bundles, then waits until the framework reached its beginning start level
     * or began to stop.
     *
     * @param bundles the bundles, in install order
     * @param timeout how long to wait for the start levels
     * @return {@code true} if the framework reached its start level or stopped in time
     * @throws BundleException      if the framework cannot start
     * @throws InterruptedException if interrupted while waiting
     */
    boolean start(List<BundleSet.Entry> bundles, Duration timeout) throws BundleException, InterruptedException {
        framework.init();
        BundleContext context = framework.getBundleContext();
        context.addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                started.countDown();
            }
        });
        // stopped (the shell's "stop 0", end of input) before reaching the start level: stop waiting
        context.addBundleListener((SynchronousBundleListener) event -> {
            if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING) {
                started.countDown();
            }
        });
        for (BundleSet.Entry entry : bundles) {
            install(context, entry);
        }
        framework.start();
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void install(BundleContext context, BundleSet.Entry entry) {
        try {
            Bundle bundle = context.installBundle("reference:" + entry.jar().toUri());
            bundle.adapt(BundleStartLevel.class).setStartLevel(entry.level());
            if (!isFragment(bundle)) {
                bundle.start();
            }
        } catch (BundleException e) {
            log.println("cannot install " + entry.jar().getFileName() + ": " + FrameworkLog.rootCause(e));
        }
    }

    /**
     * @return the distribution's non-fragment bundles (the framework and {@code bundle/}, not
     *         {@code deploy/}) that are not ACTIVE, as "name [id] STATE"
     */
    List<String> inactiveBundles() {
        List<String> inactive = new ArrayList<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            boolean ours = bundle.getBundleId() == 0 || bundle.getLocation().startsWith("reference:");
            if (ours && bundle.getState() != Bundle.ACTIVE && !isFragment(bundle)) {
                inactive.add(bundle.getSymbolicName() + " [" + bundle.getBundleId() + "] " + stateName(bundle.getState()));
            }
        }
        return inactive;
    }

    /**
     * Waits until every jar of {@code deployDir} is installed (FileInstall's first scan) and active.
     *
     * @param jarNames the file names of the jars in the deploy folder
     * @param timeout  how long to wait
     * @return {@code true} if they all became active in time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitDeployed(Set<String> jarNames, Duration timeout) throws InterruptedException {
        Object monitor = new Object();
        BundleListener wake = event -> {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        };
        BundleContext context = framework.getBundleContext();
        context.addBundleListener(wake);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (monitor) {
                while (!allActive(jarNames)) {
                    long wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (wait <= 0) {
                        return false;
                    }
                    monitor.wait(wait);
                }
            }
            return true;
        } finally {
            context.removeBundleListener(wake);
        }
    }

    private boolean allActive(Set<String> jarNames) {
        Set<String> active = new HashSet<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            String location = bundle.getLocation();
            String name = location.substring(location.lastIndexOf('/') + 1);
            if (bundle.getState() == Bundle.ACTIVE || isFragment(bundle)) {
                active.add(name);
            }
        }
        return active.containsAll(jarNames);
    }

    /** @return whether the framework is running (not stopping or stopped) */
    boolean isActive() {
        return framework.getState() == Bundle.ACTIVE;
    }

    /** @return the number of installed bundles, the framework included */
    int bundleCount() {
        return framework.getBundleContext().getBundles().length;
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * Blocks until the framework stops (the shell's {@code stop 0}, end of input, or {@link #stop}).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /**
     * Stops every bundle in reverse start-level order and the framework; idempotent.
     *
     * @param timeout how long to wait for the bundles to stop
     */
    void stop(Duration timeout) {
        try {
            framework.stop();
            framework.waitForStop(timeout.toMillis());
        } catch (BundleException e) {
            log.println("cannot stop the framework: " + FrameworkLog.rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
