package ai.cleveragents.events.services.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionStatus;
import ai.cleveragents.events.services.IllegalTransitionException;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanPhase;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Restarts from a snapshot plus the journal after it equal restarts from the whole journal. */
public class SnapshotTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path journalDir;
    private Path snapshots;
    private JournalledServices services;

    @Before
    public void setUp() throws IOException {
        journalDir = tmp.newFolder("journal").toPath();
        snapshots = tmp.newFolder("snapshots").toPath();
        services = new JournalledServices(JournalSettings.defaults(journalDir).withDurability(Durability.NONE), snapshots);
    }

    @After
    public void tearDown() {
        services.close();
    }

    private Plan newPlan(String action) {
        return services.plans.useAction(action, "proj", "sess-1", "alice", Map.of("file", "A.java", "n", 2), null);
    }

    private Path plansSnapshot() {
        return snapshots.resolve("plans.snapshot");
    }

    @Test
    public void aRestartFromTheSnapshotAndTheJournalAfterItHoldsWhatTheWholeJournalHolds() throws IOException {
        Plan executing = newPlan("executing");
        services.plans.advancePlan(executing.planId());
        Plan done = services.plans.executePlan(newPlan("done").planId());
        Plan failed = services.plans.failPlan(newPlan("failed").planId(), "compiler crashed");
        Decision old = services.decisions.recordDecision(executing.planId(), "model", "which?", "small", "cheap");
        Decision replacement = services.decisions.supersedeDecision(old.decisionId(), "large", "better");
        services.restart();
        assertEquals(3, services.plans.plans().size());
        assertEquals("the snapshot written when the services stopped", 3L,
                (long) services.plans.metrics().get("rebuild.snapshot.entries"));
        assertEquals("nothing after it", 0L, (long) services.plans.metrics().get("rebuild.events"));
        byte[] older = Files.readAllBytes(plansSnapshot());

        Plan after = newPlan("after the snapshot");
        services.plans.advancePlan(executing.planId());
        List<Plan> plansBefore = services.plans.plans();
        List<Decision> decisionsBefore = services.decisions.decisionsForPlan(executing.planId());
        services.close();
        Files.write(plansSnapshot(), older);
        services = new JournalledServices(JournalSettings.defaults(journalDir).withDurability(Durability.NONE), snapshots);

        assertEquals(sorted(plansBefore), sorted(services.plans.plans()));
        assertEquals(3L, (long) services.plans.metrics().get("rebuild.snapshot.entries"));
        assertEquals("only the journal after the older snapshot is replayed", 2L,
                (long) services.plans.metrics().get("rebuild.events"));
        assertEquals(sorted(plansBefore), sorted(services.plans.plans()));
        assertEquals(decisionsBefore, services.decisions.decisionsForPlan(executing.planId()));
        assertEquals(DecisionStatus.SUPERSEDED, services.decisions.decision(old.decisionId()).orElseThrow().status());
        assertEquals(replacement, services.decisions.decision(replacement.decisionId()).orElseThrow());
        assertEquals(failed, services.plans.plan(failed.planId()).orElseThrow());
        assertEquals("a rebuild emits nothing", 0, services.recorder.events.size());
        assertEquals(PlanPhase.VALIDATING, services.plans.advancePlan(executing.planId()).phase());
        assertThrows(IllegalTransitionException.class, () -> services.plans.advancePlan(done.planId()));
        assertEquals(PlanPhase.PLANNING, services.plans.advancePlan(after.planId()).phase());
    }

    @Test
    public void theSnapshotIsWrittenWhileRunningEveryNEventsOwnerOnly() throws IOException {
        services.close();
        services = new JournalledServices(JournalSettings.defaults(journalDir).withDurability(Durability.NONE), snapshots) {
            @Override
            long snapshotEvery() {
                return 10;
            }
        };
        for (int i = 0; i < 12; i++) {
            newPlan("p" + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(plansSnapshot()));
        String text = Files.readString(plansSnapshot(), StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("{\"snapshot\":1,\"service\":\"plans\",\"last_event_id\":\""));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(plansSnapshot())));
        assertFalse("no temporary file left", Files.exists(snapshots.resolve("plans.snapshot.tmp")));
    }

    @Test
    public void aDamagedSnapshotIsNamedAndTheWholeJournalIsReplayed() throws IOException {
        Plan kept = services.plans.executePlan(newPlan("kept").planId());
        services.restart();
        byte[] bytes = Files.readAllBytes(plansSnapshot());
        bytes[bytes.length / 2] ^= 1;
        Files.write(plansSnapshot(), bytes);
        services.restart();
        assertEquals(kept, services.plans.plan(kept.planId()).orElseThrow());
        assertNull(services.plans.metrics().get("rebuild.snapshot.entries"));
    }

    @Test
    public void aSnapshotOfAnotherJournalIsNotUsed() throws IOException {
        newPlan("in the first journal");
        services.restart();
        services.close();
        Path other = tmp.newFolder("other").toPath();
        services = new JournalledServices(JournalSettings.defaults(other).withDurability(Durability.NONE), snapshots);
        assertEquals("the snapshot's plan is not in this journal", List.of(), services.plans.plans());
        assertNull(services.plans.metrics().get("rebuild.snapshot.entries"));
    }

    @Test
    public void theJournalUnboundAfterDeactivationAsScrDoesAtShutdownIsIgnored() {
        newPlan("before the shutdown");
        services.decisions.deactivate();
        services.decisions.unbindJournal(services.journal);
        services.plans.deactivate();
        services.plans.unbindJournal(services.journal);
        assertTrue("the stop wrote the snapshot", Files.exists(plansSnapshot()));
    }

    @Test
    public void snapshotFilesAreReadStrictly() throws IOException {
        SnapshotFile file = new SnapshotFile(tmp.getRoot().toPath().resolve("x.snapshot"), "plans");
        assertTrue(file.read().isEmpty());
        DomainEvent entry = SnapshotEntries.plan(newPlan("one"));
        file.write(DomainEvent.newUlid(), List.of(entry));
        assertEquals(List.of(entry), file.read().orElseThrow().entries());
        for (String bad : List.of("", "{}\n", "{\"snapshot\":1}\n{\"sha256\":\"00\"}\n")) {
            Files.writeString(file.path(), bad);
            assertThrows(bad, SnapshotException.class, file::read);
        }
        SnapshotFile decisions = new SnapshotFile(file.path(), "decisions");
        file.write(DomainEvent.newUlid(), List.of(entry));
        assertThrows("a snapshot of another service", SnapshotException.class, decisions::read);
        PlanLedger ledger = new PlanLedger(null, 10);
        DomainEvent notAPlan = DomainEvent.of(EventType.PLAN_CREATED);
        assertThrows(SnapshotException.class, () -> ledger.restoreSnapshot(List.of(notAPlan)));
        assertTrue("nothing was added", ledger.snapshotEntries().isEmpty());
    }

    private static List<Plan> sorted(List<Plan> plans) {
        return plans.stream().sorted(java.util.Comparator.comparing(Plan::planId)).toList();
    }
}
