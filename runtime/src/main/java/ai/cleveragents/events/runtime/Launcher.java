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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.BundleException;

/**
 * Starts the distribution: one Felix framework with every {@code bundle/<level>/*.jar}, the Gogo shell
 * on the console, and either waits for the framework to stop (interactive) or, once the jars of
 * {@code deploy/} are active too, runs the {@code -c} commands and exits with their status. With
 * {@code --daemon} there is no console: it runs until stopped. While it runs, {@code data/console.sock}
 * (owner-only) lets a second launcher run {@code -c} commands in it ({@link AttachServer}); a launcher
 * that finds the folder in use sends its commands there. Ctrl-C or a SIGTERM stops the framework
 * cleanly through a shutdown hook.
 *
 * <p>Exit status: 0 success, 1 a command failed or the runtime could not start, 2 bad arguments.
 */
public final class Launcher {

    private static final String LOGBACK_CONFIG = "logback.configurationFile";
    private static final String JUL_CONFIG = "java.util.logging.config.file";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DEPLOY_POLL = Duration.ofMillis(500);
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
     * @param args {@code [--timing] [--daemon | -c COMMAND...]}
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
        Path data = home.resolve("data");
        try {
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(data);
            if (lock.isEmpty()) {
                return attach(options, data);
            }
            try {
                Files.createDirectories(home.resolve("deploy"));
                LogFolder.secure(home.resolve("data/log"));
                return run(options);
            } finally {
                lock.get().close();
            }
        } catch (IOException | BundleException | IllegalStateException | IllegalArgumentException e) {
            err.println("cleveragents-events: " + FrameworkLog.rootCause(e));
            return 1;
        }
    }

    /** Runs the commands in the runtime that holds {@code data/}, through its console socket. */
    private int attach(LaunchOptions options, Path data) throws IOException, InterruptedException {
        if (options.commands().isEmpty()) {
            throw new IllegalStateException("another runtime is already using " + data
                    + "; stop it first, or run commands in it with -c (one runtime per distribution folder)");
        }
        return AttachClient.run(ConsoleSocket.in(data), options.commands(), out, err, START_TIMEOUT);
    }

    private int run(LaunchOptions options) throws IOException, BundleException, InterruptedException {
        defaultSystemProperty(LOGBACK_CONFIG, home.resolve("conf/logback.xml"));
        defaultSystemProperty(JUL_CONFIG, home.resolve("conf/logging.properties"));
        Map<String, String> properties = RuntimeConfig.load(home, System.getProperties());
        boolean terminal = chooseConsole(options, properties);
        FelixRuntime runtime = new FelixRuntime(properties, err);
        Thread hook = new Thread(() -> runtime.stop(STOP_TIMEOUT), "cleveragents-events shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        List<BundleSet.Entry> bundles = ConsoleChoice.select(BundleSet.scan(home.resolve("bundle")), terminal);
        boolean reached = runtime.start(options.commands().isEmpty() ? bundles : ConsoleChoice.withoutWebConsole(bundles),
                START_TIMEOUT);
        int status = 0;
        AttachServer server = AttachServer.open(ConsoleSocket.in(home.resolve("data")), (commands, o, e) ->
                GogoScript.run(runtime.context(), commands, InputStream.nullInputStream(), o, e, SHELL_TIMEOUT), err);
        reportStart(runtime, reached, options.timing());
        if (runtime.isActive()) {
            ConsoleUrl.watch(runtime.context(), err);
        }
        try {
            if (options.commands().isEmpty()) {
                awaitStop(runtime);
            } else {
                status = runCommands(runtime, options.commands());
            }
        } finally {
            server.close();
        }
        runtime.stop(STOP_TIMEOUT);
        removeHook(hook);
        return status;
    }

    /** @return whether the JLine console runs (interactive on a terminal); sets the console's arguments */
    private boolean chooseConsole(LaunchOptions options, Map<String, String> properties) throws IOException {
        boolean terminal = options.interactive() && System.console() != null;
        if (terminal) {
            ConsoleChoice.prepareJLine(properties, home);
        } else if (!options.interactive()) {
            properties.put("gosh.args", "--nointeractive");
        }
        return terminal;
    }

    /** Waits for the framework to stop, naming the problems of {@code deploy/} meanwhile. */
    private void awaitStop(FelixRuntime runtime) throws InterruptedException {
        DeployWatch watch = new DeployWatch(runtime.context(), home.resolve("deploy"), err);
        try {
            runtime.awaitStop();
        } finally {
            watch.close();
        }
    }

    private int runCommands(FelixRuntime runtime, List<String> commands) throws IOException, InterruptedException {
        awaitDeploy(runtime);
        return GogoScript.run(runtime.context(), commands, in, out, err, SHELL_TIMEOUT);
    }

    /**
     * Waits until every jar of {@code deploy/} is active or has a problem ({@link DeployCheck}), up to
     * {@link #DEPLOY_TIMEOUT}, and names each problem and each jar still not active.
     */
    private void awaitDeploy(FelixRuntime runtime) throws IOException, InterruptedException {
        Path deployDir = home.resolve("deploy");
        Set<String> waiting = new TreeSet<>(deployedJars());
        Map<String, String> problems = Map.of();
        long deadline = System.nanoTime() + DEPLOY_TIMEOUT.toNanos();
        while (runtime.isActive() && !runtime.awaitDeployed(waiting, DEPLOY_POLL)) {
            problems = DeployCheck.problems(runtime.context(), deployDir);
            waiting.removeAll(problems.keySet());
            if (System.nanoTime() > deadline) {
                err.println("cleveragents-events: not active after " + DEPLOY_TIMEOUT.toSeconds() + " s: deploy/"
                        + String.join(", deploy/", waiting) + "; running the commands anyway");
                break;
            }
        }
        problems.forEach((jar, problem) -> err.println("cleveragents-events: deploy/" + jar + ": " + problem));
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
