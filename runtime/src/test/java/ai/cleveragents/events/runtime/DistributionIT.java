package ai.cleveragents.events.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The built distribution, copied to {@code target/it-dist} and run as a child process: every bundle
 * active, hot deploy and undeploy of the example subscriber, clean stop, restart with the journal intact.
 */
public class DistributionIT {

    private static final String EXAMPLE = "ai.cleveragents.events.examples.subscriber";
    private static Path home;

    @BeforeClass
    public static void copyDistribution() throws IOException {
        home = freshCopy("it-dist");
    }

    @Test
    public void startsHotDeploysStopsAndRestartsWithTheJournalIntact() throws Exception {
        String eventId;
        try (ChildRuntime runtime = ChildRuntime.launch(home, "--timing")) {
            runtime.awaitStderr(ChildRuntime.ALL_ACTIVE);
            assertFalse(runtime.stderr(), runtime.stderr().contains("bundle not active"));
            String bundles = runtime.command("lb");
            assertFalse(bundles, bundles.contains("Installed") || bundles.contains("Resolved"));
            assertTrue(bundles, bundles.contains("CleverAgents Events shell commands"));

            Path jar = home.resolve("deploy/" + EXAMPLE + ".jar");
            Files.copy(Path.of(System.getProperty("it.bundles.dir"), EXAMPLE + ".jar"), jar);
            runtime.awaitStderr(Pattern.compile("example subscriber started"));
            eventId = emit(runtime, "plan.created --plan p-it");
            runtime.awaitStderr(Pattern.compile("example subscriber received plan.created event_id=\"" + eventId + "\""));

            Files.delete(jar);
            runtime.awaitStderr(Pattern.compile("example subscriber stopped"));
            await().atMost(ChildRuntime.TIMEOUT)
                    .until(() -> !runtime.command("lb -s").contains(EXAMPLE));

            runtime.send("stop 0");
            assertEquals(0, runtime.awaitExit(ChildRuntime.TIMEOUT));
        }
        try (ChildRuntime again = ChildRuntime.launch(home, "--timing", "-c", "events:journal --json -n 5")) {
            assertEquals(again.stderr(), 0, again.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(again.stderr(), ChildRuntime.ALL_ACTIVE.matcher(again.stderr()).find());
            assertTrue(again.stdout(), again.stdout().contains("\"event_id\":\"" + eventId + "\""));
        }
    }

    @Test
    public void endOfInputStopsCleanlyAndBadArgumentsExitWithTwo() throws Exception {
        try (ChildRuntime runtime = ChildRuntime.launch(home)) {
            runtime.awaitStdout(Pattern.compile("g! "));
            runtime.closeInput();
            assertEquals(0, runtime.awaitExit(ChildRuntime.TIMEOUT));
        }
        try (ChildRuntime wrong = ChildRuntime.launch(home, "--nope")) {
            assertEquals(2, wrong.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(wrong.stderr(), wrong.stderr().startsWith("unknown argument '--nope'\nusage: "));
        }
    }

    @Test
    public void aFailingCommandExitsWithOneAndOneLine() throws Exception {
        try (ChildRuntime runtime = ChildRuntime.launch(home, "-c", "events:emit plan.created oops")) {
            assertEquals(1, runtime.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(runtime.stderr(), runtime.stderr().contains("gogo: CommandException: bad detail 'oops': expected key=value\n"
                    + "usage: events:emit <type>"));
            assertFalse(runtime.stderr(), runtime.stderr().contains("\tat "));
        }
    }

    @Test
    public void aCommandReportingAnExceptionExitsWithOneAndTheLaterCommandsDoNotRun() throws Exception {
        try (ChildRuntime runtime = ChildRuntime.launch(home, "-c", "start ai.cleveragents.events.bus.reactive",
                "-c", "echo not-reached")) {
            assertEquals(runtime.stdout() + runtime.stderr(), 1, runtime.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(runtime.stdout(), runtime.stdout().contains("java.net.MalformedURLException: no protocol: "));
            assertFalse(runtime.stdout(), runtime.stdout().contains("not-reached"));
        }
        try (ChildRuntime runtime = ChildRuntime.launch(home, "-c", "new java.lang.IllegalStateException boom",
                "-c", "echo not-reached")) {
            assertEquals(runtime.stdout() + runtime.stderr(), 1, runtime.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(runtime.stderr(), runtime.stderr().contains("gogo: IllegalStateException: boom\n"));
            assertFalse(runtime.stdout(), runtime.stdout().contains("not-reached"));
        }
    }

    private static String emit(ChildRuntime runtime, String args) {
        Matcher m = Pattern.compile("emitted \\S+ (\\w{26}) on reactive").matcher(runtime.command("events:emit " + args));
        assertTrue(runtime.stdout(), m.find());
        return m.group(1);
    }

    /**
     * A private copy of the built distribution beside it, with no data and no build marker, so a test
     * can start, kill and restart it without touching {@code target/dist}; its web console listens on a free
     * port, so copies running side by side (or a runtime a developer started) do not collide on 8181.
     */
    static Path freshCopy(String name) throws IOException {
        Path dist = Path.of(System.getProperty("dist.dir", "target/dist"));
        Path copy = dist.resolveSibling(name);
        deleteTree(copy);
        copyTree(dist, copy);
        Files.deleteIfExists(copy.resolve(".built"));
        deleteTree(copy.resolve("data"));
        try (ServerSocket free = new ServerSocket(0)) {
            Files.writeString(copy.resolve("conf/ai.cleveragents.events.console.web.cfg"), "port=" + free.getLocalPort() + "\n");
        }
        return copy;
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
