package ai.cleveragents.events.bus.reactive.internal.journal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.JournalReport;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Kills a child JVM that appends at a random moment after some acknowledgements, reopens the journal
 * and checks that every acknowledged event is there. The same directory is reused across runs, so
 * each run also recovers the previous run's tail. The kill is a SIGKILL through
 * {@link ProcessHandle#destroyForcibly()}, which unlike {@link Process#destroyForcibly()} leaves the
 * pipe open, so the acknowledgements printed just before the kill are still read.
 *
 * <p>A SIGKILL loses the process, not the operating system's page cache: this checks that an event is
 * acknowledged only after it was written, and that recovery keeps everything acknowledged; it cannot
 * check what survives a power loss.
 */
public class JournalCrashTest {

    private static final int RUNS = 5;
    private static final Random RANDOM = new Random();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test(timeout = 180_000)
    public void everyEventAcknowledgedUnderGroupCommitSurvivesSigkill() throws Exception {
        killRepeatedly(Durability.GROUP, 2);
    }

    @Test(timeout = 180_000)
    public void everyEventAcknowledgedUnderAlwaysSurvivesSigkill() throws Exception {
        killRepeatedly(Durability.ALWAYS, 2);
    }

    private void killRepeatedly(Durability durability, int threads) throws Exception {
        Path dir = tmp.getRoot().toPath().resolve(durability.name());
        Set<String> acknowledged = new HashSet<>();
        for (int run = 0; run < RUNS; run++) {
            acknowledged.addAll(runAndKill(dir, durability, threads, 5 + RANDOM.nextInt(100)));
            Set<String> present = new HashSet<>(JournalFixture.reopenAndReadIds(dir, durability));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(present);
            assertEquals("acknowledged but lost after run " + run, Set.of(), lost);
            try (Journal journal = Journal.open(JournalFixture.settings(dir, durability))) {
                JournalReport report = journal.verify();
                assertEquals("verify after run " + run + ": " + report.problems(), List.of(), report.problems());
                assertEquals(present.size(), report.records());
            }
        }
    }

    private static List<String> runAndKill(Path dir, Durability durability, int threads, int killAfter)
            throws Exception {
        Process child = startEmitter(dir, durability, threads).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acks = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readAcks(child, acks), "acks");
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> acks.size() >= killAfter || !child.isAlive());
            assertTrue("the emitter died by itself", child.isAlive());
        } finally {
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertTrue(acks.size() >= killAfter);
        return acks;
    }

    /** @return a child JVM running {@link CrashEmitter} on {@code dir}, not started */
    static ProcessBuilder startEmitter(Path dir, Durability durability, int threads) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), CrashEmitter.class.getName(), dir.toString(),
                durability.name(), Integer.toString(threads));
    }

    /** Collects whole acknowledged ids; a line cut by the kill is not a whole id and is dropped. */
    static void readAcks(Process child, List<String> acks) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.length() == 26) {
                    acks.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
