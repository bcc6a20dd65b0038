package ai.cleveragents.events.bus.reactive.internal.journal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.JournalReport;

/** One journal per directory: a second one, in this process or another, is refused. */
public class JournalLockTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aSecondJournalInTheSameProcessIsRefusedNamingTheDirectoryAndTheHolder() throws Exception {
        Path dir = tmp.getRoot().toPath();
        try (Journal first = Journal.open(JournalFixture.settings(dir, Durability.GROUP))) {
            first.append(JournalFixture.event(1));
            IOException e = assertThrows(IOException.class,
                    () -> Journal.open(JournalFixture.settings(dir, Durability.NONE)));
            assertTrue(e.getMessage(), e.getMessage().startsWith("journal directory " + dir
                    + " is in use by another journal (held by pid " + ProcessHandle.current().pid() + " on "));
            first.append(JournalFixture.event(2));
        }
        try (Journal again = Journal.open(JournalFixture.settings(dir, Durability.GROUP))) {
            assertEquals(2, again.verify().records());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(JournalLock.FILE))));
    }

    @Test(timeout = 120_000)
    public void aSecondProcessIsRefusedAndTheFirstLosesNothing() throws Exception {
        Path dir = tmp.getRoot().toPath();
        Process first = JournalCrashTest.startEmitter(dir, Durability.GROUP, 2)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acks = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> JournalCrashTest.readAcks(first, acks), "acks");
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> acks.size() >= 20 || !first.isAlive());
            Process second = JournalCrashTest.startEmitter(dir, Durability.GROUP, 2).start();
            assertTrue("the second process gave up", second.waitFor(60, TimeUnit.SECONDS));
            String error = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(error, CrashEmitter.CANNOT_OPEN, second.exitValue());
            assertTrue(error, error.contains("journal directory " + dir + " is in use by another journal (held by pid "
                    + first.pid() + " on "));
            assertEquals("the second process acknowledged nothing", 0, second.getInputStream().readAllBytes().length);
            assertTrue("the first process goes on", first.isAlive());
        } finally {
            first.toHandle().destroyForcibly();
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        Set<String> present = new HashSet<>(JournalFixture.reopenAndReadIds(dir, Durability.GROUP));
        assertTrue("every acknowledged event is there", present.containsAll(acks));
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.GROUP))) {
            JournalReport report = journal.verify();
            assertEquals(report.problems().toString(), List.of(), report.problems());
        }
    }
}
