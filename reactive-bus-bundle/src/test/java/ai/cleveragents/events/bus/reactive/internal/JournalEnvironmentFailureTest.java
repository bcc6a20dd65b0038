package ai.cleveragents.events.bus.reactive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The journal's file system failing under a running reactive bus: the directory turning read-only
 * (simulated with {@code chattr +i}, which also stops writes through already open files, since a
 * read-only remount is refused while the segment is open), and a full disk (a 1 MiB tmpfs). Each needs
 * root; without it the test is skipped with a message. See docs/reliability.md.
 */
public class JournalEnvironmentFailureTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<String> cleanup = new ArrayList<>();

    @After
    public void undo() throws Exception {
        for (String command : cleanup) {
            run(command.split(" "));
        }
    }

    private static ReactiveBus bus(Path dir) throws IOException {
        return new ReactiveBus(new JournalStage(Journal.open(JournalSettings.defaults(dir)
                .withDurability(Durability.GROUP)), DetailRedactor::defaults, false), new StreamPublisher(16, OverflowPolicy.DROP_NEWEST));
    }

    private static DomainEvent event(int n, int padding) {
        return DomainEvent.builder(EventType.TOOL_COMPLETED).detail("n", n).detail("pad", "x".repeat(padding)).build();
    }

    @Test
    public void aDirectoryTurningReadOnlyRejectsEmitsClearlyAndKeepsEveryAcknowledgedEvent() throws Exception {
        Path dir = tmp.newFolder("journal").toPath();
        ReactiveBus bus = bus(dir);
        EventBus view = bus.engine().view(null);
        List<String> handled = new ArrayList<>();
        view.subscribeAll(e -> handled.add(e.eventId()));
        List<String> acknowledged = emit(view, 0, 50, 100);
        String immutable = immutable(dir, true);
        assumeTrue("skipped: cannot make the journal read-only with chattr +i (needs root on ext4/xfs): " + immutable,
                immutable.isEmpty());
        cleanup.add("chattr -R -i " + dir);

        for (int i = 0; i < 3; i++) {
            EventRejectedException e = assertThrows(EventRejectedException.class, () -> view.emit(event(99, 10)));
            assertSame(EventRejectedException.Reason.JOURNAL_FAILURE, e.reason());
            assertTrue(e.getMessage(), e.getMessage().startsWith("the reactive bus journal refused event "));
            assertTrue(e.getMessage(), e.getMessage().contains(dir.toString()));
        }
        assertEquals("the refused events reached no handler", acknowledged, handled);
        assertEquals(50L, view.metrics().emitted().get(EventType.TOOL_COMPLETED).longValue());
        assertTrue("the bus keeps running", view.subscribe(EventType.PLAN_CREATED, e -> { }).isActive());

        assertEquals("", immutable(dir, false));
        acknowledged.addAll(emit(view, 50, 10, 100));
        assertEquals("writable again: the same journal takes emits, no restart", acknowledged, handled);
        bus.close(1_000);
        assertEquals(acknowledged, replay(dir));
    }

    @Test
    public void aFullDiskRejectsEmitsClearlyKeepsEveryAcknowledgedEventAndRecoversWhenSpaceIsFreed() throws Exception {
        Path mount = tmp.newFolder("tmpfs").toPath();
        String mounted = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        assumeTrue("skipped: cannot mount a 1 MiB tmpfs (needs root or CAP_SYS_ADMIN): " + mounted, mounted.isEmpty());
        cleanup.add("umount -l " + mount);
        Path ballast = Files.write(mount.resolve("ballast"), new byte[256 * 1024]);
        Path dir = mount.resolve("journal");
        ReactiveBus bus = bus(dir);
        EventBus view = bus.engine().view(null);
        List<String> handled = new ArrayList<>();
        view.subscribeAll(e -> handled.add(e.eventId()));

        List<String> acknowledged = new ArrayList<>();
        EventRejectedException full = null;
        for (int n = 0; full == null && n < 1_000; n++) {
            DomainEvent e = event(n, 4_000);
            try {
                view.emit(e);
                acknowledged.add(e.eventId());
            } catch (EventRejectedException rejected) {
                full = rejected;
            }
        }
        assertTrue("the disk filled up", full != null);
        assertSame(EventRejectedException.Reason.JOURNAL_FAILURE, full.reason());
        assertTrue(full.getMessage(), full.getMessage().contains("No space left on device"));
        assertThrows(EventRejectedException.class, () -> view.emit(event(-1, 4_000)));
        assertEquals("refused events reached no handler", acknowledged, handled);

        Files.delete(ballast);
        acknowledged.addAll(emit(view, 10_000, 20, 4_000));
        bus.close(1_000);
        assertEquals("every acknowledged event, nothing else, in order", acknowledged, replay(dir));
        assertEquals(acknowledged, handled);
    }

    private static List<String> emit(EventBus view, int from, int count, int padding) {
        List<String> ids = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            DomainEvent e = event(n, padding);
            view.emit(e);
            ids.add(e.eventId());
        }
        return ids;
    }

    private static List<String> replay(Path dir) throws IOException {
        try (Journal journal = Journal.open(JournalSettings.defaults(dir));
                Stream<DomainEvent> all = journal.replaySince(Instant.EPOCH, Set.of())) {
            return all.map(DomainEvent::eventId).collect(Collectors.toList());
        }
    }

    /** @return empty on success, else why not */
    private static String immutable(Path dir, boolean on) throws Exception {
        return run("chattr", "-R", on ? "+i" : "-i", dir.toString());
    }

    /** @return empty if the command succeeded, else its exit status and output */
    private static String run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " timed out";
            }
            return p.exitValue() == 0 ? "" : String.join(" ", command) + " exited " + p.exitValue() + ": " + out;
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        }
    }
}
