package ai.cleveragents.events.karaf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apache Karaf, unpacked by the build from its Maven Central archive, run as a child process
 * ({@code bin/karaf server}) on free ports, offline: this build's bundles and feature repository sit in its
 * {@code system/} folder in Maven layout, everything else comes from the build's local repository. Commands
 * reach it only through Karaf's own {@code bin/client} (ssh, batch mode), as an operator's would.
 */
final class KarafInstance implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final int sshPort;
    private final String password;
    private final Process process;

    private KarafInstance(Path home, int sshPort, String password, Process process) {
        this.home = home;
        this.sshPort = sshPort;
        this.password = password;
        this.process = process;
    }

    /**
     * Prepares a clean instance (no data/ from an earlier run) and starts it.
     *
     * @param home       the unpacked Karaf
     * @param systemRepo this build's artifacts in Maven repository layout
     * @param localRepo  the build's Maven local repository
     * @return the running instance; its ssh server may not be up yet, {@link #client} retries
     * @throws IOException if a file cannot be written or the process cannot start
     */
    static KarafInstance start(Path home, Path systemRepo, Path localRepo) throws IOException {
        deleteTree(home.resolve("data"));
        copyTree(systemRepo, home.resolve("system"));
        int sshPort = freePort();
        replaceLine(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", "sshPort = " + sshPort);
        replaceLine(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshHost", "sshHost = 127.0.0.1");
        String password = UUID.randomUUID().toString();
        Files.writeString(home.resolve("etc/users.properties"), "karaf = " + password + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n", StandardCharsets.UTF_8);
        replaceLine(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort",
                "rmiRegistryPort = " + freePort());
        replaceLine(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort",
                "rmiServerPort = " + freePort());
        Files.writeString(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"), "\n"
                + "org.ops4j.pax.url.mvn.localRepository = " + localRepo + "\n"
                + "org.ops4j.pax.url.mvn.repositories =\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder("bash", "bin/karaf", "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("karaf-console.log").toFile());
        builder.environment().put("JAVA_HOME", javaHome().toString());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("EXTRA_JAVA_OPTS");
        return new KarafInstance(home, sshPort, password, builder.start());
    }

    /** @return the instance's {@code data} folder, {@code ${karaf.data}} */
    Path data() {
        return home.resolve("data");
    }

    /**
     * Runs one command line through {@code bin/client} in batch mode, retrying the connection while the
     * ssh server starts.
     *
     * @param command a Karaf shell command line
     * @return what the client printed (stdout and stderr)
     */
    ClientResult client(String command) {
        List<String> line = new ArrayList<>(List.of("bash", "bin/client", "-a", String.valueOf(sshPort),
                "-h", "127.0.0.1", "-u", "karaf", "-p", password, "-r", "60", "-d", "1", command));
        try {
            ProcessBuilder builder = new ProcessBuilder(line).directory(home.toFile()).redirectErrorStream(true);
            builder.environment().put("JAVA_HOME", javaHome().toString());
            Process client = builder.start();
            // stdin stays open until the client ends: at end of input it closes the session, output unsent
            OutputStream stdin = client.getOutputStream();
            byte[] out = client.getInputStream().readAllBytes();
            if (!client.waitFor(120, TimeUnit.SECONDS)) {
                client.destroyForcibly();
                throw new IllegalStateException("bin/client did not end: " + command);
            }
            stdin.close();
            return new ClientResult(client.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the Karaf console log so far, for failure messages */
    String consoleLog() {
        try {
            return Files.readString(home.resolve("karaf-console.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            client("system:shutdown -f");
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** What a {@code bin/client} run ended with. */
    record ClientResult(int exitCode, String output) {
    }

    /** @return the JDK Karaf runs on: {@code karaf.java.home}, else this JVM's */
    static Path javaHome() {
        return Paths.get(System.getProperty("karaf.java.home", System.getProperty("java.home")));
    }

    /**
     * @param javaHome a JDK or JRE folder
     * @return its feature release (17 for 17.0.15), read from its {@code release} file
     * @throws IOException if the file cannot be read or names no version
     */
    static int featureRelease(Path javaHome) throws IOException {
        for (String line : Files.readAllLines(javaHome.resolve("release"), StandardCharsets.UTF_8)) {
            if (line.startsWith("JAVA_VERSION=")) {
                String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                return Integer.parseInt(version.split("[.+-]")[0]);
            }
        }
        throw new IOException("no JAVA_VERSION in " + javaHome.resolve("release"));
    }

    static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven)");
        }
        return Paths.get(value);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void replaceLine(Path file, String key, String replacement) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean found = false;
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (l.trim().startsWith(key)) {
                lines.add(replacement);
                found = true;
            } else {
                lines.add(l);
            }
        }
        if (!found) {
            lines.add(replacement);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
