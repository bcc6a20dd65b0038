package ai.cleveragents.events.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.BundleException;

/**
 * Starts the distribution: one Felix framework with every {@code bundle/<level>/*.jar}, the Gogo shell
 * on the console, and either waits for the framework to stop (interactive) or, once the jars of
 * {@code deploy/} are active too, runs the {@code -c} commands and exits with their status. Ctrl-C stops the framework cleanly through a shutdown hook.
 *
 * <p>Exit status: 0 success, 1 a command failed or the runtime could not start, 2 bad arguments.
 */
public final class Launcher {

    private static final String LOGBACK_CONFIG = "logback.configurationFile";
    private static final String JUL_CONFIG = "java.util.logging.config.file";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(30);

    private final Path home;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    Launcher(Path home, InputStream in, PrintStream out, PrintStream err) {
        this.home = home;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * @param args {@code [--timing] [-c COMMAND]...}
     */
    public static void main(String[] args) {
        int status;
        try {
            status = new Launcher(home(), System.in, System.out, System.err).run(args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        System.exit(status);
    }

    int run(String... args) throws InterruptedException {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            InstanceLock lock = InstanceLock.acquire(home.resolve("data"));
            try {
                Files.createDirectories(home.resolve("deploy"));
                LogFolder.secure(home.resolve("data/log"));
                return run(options);
            } finally {
                lock.close();
            }
        } catch (IOException | BundleException | IllegalStateException | IllegalArgumentException e) {
            err.println("cleveragents-events: " + FrameworkLog.rootCause(e));
            return 1;
        }
    }

    private int run(LaunchOptions options) throws IOException, BundleException, InterruptedException {
        defaultSystemProperty(LOGBACK_CONFIG, home.resolve("conf/logback.xml"));
        defaultSystemProperty(JUL_CONFIG, home.resolve("conf/logging.properties"));
        Map<String, String> properties = RuntimeConfig.load(home, System.getProperties());
        if (!options.interactive()) {
            properties.put("gosh.args", "--nointeractive");
        }
        FelixRuntime runtime = new FelixRuntime(properties, err);
        Thread hook = new Thread(() -> runtime.stop(STOP_TIMEOUT), "cleveragents-events shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean reached = runtime.start(BundleSet.scan(home.resolve("bundle")), START_TIMEOUT);
        reportStart(runtime, reached, options.timing());
        int status = 0;
        if (!options.interactive()) {
            Set<String> deployed = deployedJars();
            if (runtime.isActive() && !runtime.awaitDeployed(deployed, DEPLOY_TIMEOUT)) {
                err.println("cleveragents-events: not every bundle of deploy/ is active after "
                        + DEPLOY_TIMEOUT.toSeconds() + " s; running the commands anyway");
            }
            status = GogoScript.run(runtime.context(), options.commands(), in, out, err, SHELL_TIMEOUT);
            runtime.stop(STOP_TIMEOUT);
        } else {
            runtime.awaitStop();
        }
        removeHook(hook);
        return status;
    }

    private Set<String> deployedJars() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("deploy"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).collect(Collectors.toSet());
        }
    }

    private static void defaultSystemProperty(String name, Path file) {
        if (System.getProperty(name) == null && Files.isRegularFile(file)) {
            System.setProperty(name, file.toString());
        }
    }

    private void reportStart(FelixRuntime runtime, boolean reached, boolean timing) {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        if (!runtime.isActive()) {
            return;
        }
        if (!reached) {
            err.println("cleveragents-events: start levels not reached after " + START_TIMEOUT.toSeconds() + " s");
        }
        List<String> inactive = runtime.inactiveBundles();
        for (String bundle : inactive) {
            err.println("cleveragents-events: bundle not active: " + bundle);
        }
        if (timing) {
            err.println("cleveragents-events: " + (runtime.bundleCount() - inactive.size()) + " of "
                    + runtime.bundleCount() + " bundles active " + uptime + " ms after JVM start");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    /** @return the distribution folder: the {@code cleveragents.home} property, else the jar's grandparent */
    static Path home() {
        String configured = System.getProperty(RuntimeConfig.HOME);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the distribution folder; set -D" + RuntimeConfig.HOME, e);
        }
    }
}
