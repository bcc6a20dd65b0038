package ai.cleveragents.events.bus.reactive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;

/**
 * {@code kill -9} of a process whose named catch-up handler is catching up: the next run resumes from
 * the stored checkpoint, so the handler sees every event (no gap), in journal order, and again at most
 * the events consumed since the last store (at least once).
 */
public class CatchUpCrashTest {

    private static final int EVENTS = 20_000;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aHandlerKilledWhileCatchingUpResumesFromItsCheckpointWithoutAGap() throws Exception {
        Path dir = tmp.newFolder("journal").toPath();
        List<String> journal = new ArrayList<>();
        try (Journal j = Journal.open(JournalSettings.defaults(dir).withDurability(Durability.NONE))) {
            for (int i = 0; i < EVENTS; i++) {
                DomainEvent e = DomainEvent.builder(EventType.TOOL_INVOKED).detail("n", i).build();
                j.append(e);
                journal.add(e.eventId());
            }
        }
        String last = journal.get(EVENTS - 1);
        List<String> first = run(dir, 5_000, last);
        List<String> second = run(dir, -1, last);

        assertEquals("the first run handled a prefix, in order", journal.subList(0, first.size()), first);
        int resumedAt = journal.indexOf(second.get(0));
        assertTrue("no gap: resumed at " + resumedAt + " after handling " + first.size(), resumedAt <= first.size());
        assertTrue("again at most the records since the last store: " + (first.size() - resumedAt),
                first.size() - resumedAt <= CheckpointKeeper.EVERY);
        assertEquals("then everything, in order, once", journal.subList(resumedAt, EVENTS), second);
    }

    /** Runs the child until it printed {@code until} ids, then kills it with SIGKILL; or, if negative, until it printed {@code last}. */
    private static List<String> run(Path dir, int until, String last) throws IOException, InterruptedException {
        boolean kill = until > 0;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashCatcher.class.getName(), dir.toString(), "crash-test")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (kill ? seen.size() >= until : line.equals(last)) {
                    break;
                }
            }
        } finally {
            if (kill) {
                child.destroyForcibly();
            } else {
                child.getOutputStream().close();
            }
            assertTrue("the child ended", child.waitFor(30, TimeUnit.SECONDS));
        }
        return seen;
    }
}
