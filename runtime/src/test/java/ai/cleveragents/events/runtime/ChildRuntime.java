package ai.cleveragents.events.runtime;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real distribution in a child process, its console driven through stdin and its stdout and stderr
 * collected for assertions.
 */
final class ChildRuntime implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The launcher's --timing line when every bundle is active. */
    static final Pattern ALL_ACTIVE = Pattern.compile("(\\d+) of \\1 bundles active (\\d+) ms after JVM start");

    private final Process process;
    private final PrintStream stdin;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private ChildRuntime(Process process) {
        this.process = process;
        this.stdin = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        drain(process.getInputStream(), stdout);
        drain(process.getErrorStream(), stderr);
    }

    /**
     * @param command the command line
     * @param dir     its working folder
     * @param env     extra environment variables
     * @return the started child
     * @throws IOException if it cannot start
     */
    static ChildRuntime start(List<String> command, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(env);
        return new ChildRuntime(builder.start());
    }

    /** The distribution's launcher with the given arguments, in its folder. */
    static ChildRuntime launch(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/cleveragents-events").toString());
        command.addAll(List.of(args));
        return start(command, home, Map.of());
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (sink) {
                        sink.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                synchronized (sink) {
                    sink.writeBytes(("\n[output closed: " + e.getMessage() + "]\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }, "child output");
        t.setDaemon(true);
        t.start();
    }

    /** @return the child's process id (the JVM's: the launcher script execs java) */
    long pid() {
        return process.pid();
    }

    String stdout() {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until stderr matches, and returns the match. */
    Matcher awaitStderr(Pattern pattern) {
        return awaitMatch(pattern, this::stderr, "stderr");
    }

    /** Waits until stdout matches, and returns the match. */
    Matcher awaitStdout(Pattern pattern) {
        return awaitMatch(pattern, this::stdout, "stdout");
    }

    private Matcher awaitMatch(Pattern pattern, Supplier<String> text, String name) {
        await(name + " matching " + pattern + "; stdout:\n" + stdout() + "\nstderr:\n" + stderr())
                .atMost(TIMEOUT).until(() -> pattern.matcher(text.get()).find());
        Matcher m = pattern.matcher(text.get());
        m.find();
        return m;
    }

    /**
     * Runs one console command and returns what it printed on stdout.
     *
     * @param command a Gogo command
     * @return its output
     */
    String command(String command) {
        String marker = "end-" + UUID.randomUUID();
        int from = stdout().length();
        stdin.println(command);
        stdin.println("echo " + marker);
        awaitStdout(Pattern.compile("(?m)^" + marker + "$|[> ]" + marker + "$"));
        String out = stdout().substring(from);
        return out.substring(0, out.lastIndexOf(marker));
    }

    /** Types a line into the console. */
    void send(String line) {
        stdin.println(line);
    }

    /**
     * @param timeout how long to wait
     * @return the exit status
     * @throws InterruptedException if interrupted
     * @throws AssertionError       if it did not exit in time
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("runtime did not exit in " + timeout + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** Kills the runtime with SIGKILL (no shutdown hook runs) and waits for it to go. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit(TIMEOUT);
    }

    /** Closes the console input (end of input stops the shell and the framework). */
    void closeInput() throws IOException {
        OutputStream in = process.getOutputStream();
        in.close();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
