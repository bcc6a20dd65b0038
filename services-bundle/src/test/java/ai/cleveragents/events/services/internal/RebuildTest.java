package ai.cleveragents.events.services.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
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

public class RebuildTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private JournalledServices services;

    @Before
    public void setUp() throws IOException {
        services = new JournalledServices(tmp.newFolder("journal").toPath());
    }

    @After
    public void tearDown() {
        services.close();
    }

    private Plan newPlan(String action) {
        return services.plans.useAction(action, "proj", "sess-1", "alice", Map.of("file", "A.java", "n", 2), null);
    }

    @Test
    public void plansAndDecisionsAreRebuiltExactlyAfterARestart() {
        Plan created = newPlan("created");
        Plan executing = newPlan("executing");
        services.plans.advancePlan(executing.planId());
        services.plans.advancePlan(executing.planId());
        Plan done = services.plans.executePlan(newPlan("done").planId());
        Plan failed = services.plans.failPlan(newPlan("failed").planId(), "compiler crashed");
        Plan cancelled = services.plans.cancelPlan(newPlan("cancelled").planId(), null);
        Plan child = services.plans.useAction("child", "proj", "sess-1", "alice", null, created.planId());
        Decision kept = services.decisions.recordDecision(created.planId(), "tool", "which?", "sed", "fast");
        Decision old = services.decisions.recordDecision(created.planId(), "model", "which?", "small", null);
        Decision replacement = services.decisions.supersedeDecision(old.decisionId(), "large", "better");
        Decision reverted = services.decisions.revertDecision(
                services.decisions.recordDecision(done.planId(), "x", "y?", "z", null).decisionId(), "wrong");
        List<Plan> plansBefore = services.plans.plans();
        List<Decision> decisionsBefore = services.decisions.decisionsForPlan(created.planId());
        int eventsBefore = services.recorder.events.size();

        services.restart();

        assertEquals(plansBefore, services.plans.plans());
        assertEquals(List.of(kept, services.decisions.decision(old.decisionId()).orElseThrow(), replacement),
                services.decisions.decisionsForPlan(created.planId()));
        assertEquals(decisionsBefore.get(1).status(), DecisionStatus.SUPERSEDED);
        assertEquals(reverted, services.decisions.decision(reverted.decisionId()).orElseThrow());
        assertEquals(failed, services.plans.plan(failed.planId()).orElseThrow());
        assertEquals(cancelled, services.plans.plan(cancelled.planId()).orElseThrow());
        assertEquals(child, services.plans.plan(child.planId()).orElseThrow());
        assertEquals("a rebuild emits nothing", 0, services.recorder.events.size());
        assertEquals(0L, (long) services.plans.metrics().get("rebuild.problems"));
        assertEquals(6L, (long) services.plans.metrics().get("plans.retained"));
        assertTrue(eventsBefore > 0);

        assertEquals(PlanPhase.VALIDATING, services.plans.advancePlan(executing.planId()).phase());
        assertThrows(IllegalTransitionException.class, () -> services.plans.advancePlan(done.planId()));
        assertThrows(IllegalTransitionException.class, () -> services.plans.failPlan(cancelled.planId(), "late"));
        assertThrows(IllegalTransitionException.class,
                () -> services.decisions.revertDecision(old.decisionId(), "superseded already"));
        services.decisions.revertDecision(kept.decisionId(), "changed our mind");

        services.restart();

        assertEquals(PlanPhase.VALIDATING, services.plans.plan(executing.planId()).orElseThrow().phase());
        assertEquals(DecisionStatus.REVERTED, services.decisions.decision(kept.decisionId()).orElseThrow().status());
    }

    @Test
    public void aJournalBoundLaterAddsWhatIsMissingAndKeepsWhatIsHeld() throws InterruptedException {
        Plan journalled = services.plans.executePlan(newPlan("journalled").planId());
        Plan moved = newPlan("moved");
        Decision decided = services.decisions.recordDecision(moved.planId(), "t", "q?", "a", null);
        PlanLifecycleComponent plans = new PlanLifecycleComponent(Configs.plan(1000), (java.nio.file.Path) null);
        DecisionComponent decisions = new DecisionComponent(Configs.decision(1000), plans, (java.nio.file.Path) null);
        Plan inMemory = plans.useAction("memory", "proj", "sess-1", "alice", null, null);
        plans.bindJournal(services.journal);
        decisions.bindJournal(services.journal);
        plans.awaitRebuilds();
        plans.unbindJournal(services.journal);
        services.plans.advancePlan(moved.planId());
        assertEquals(PlanPhase.CREATED, plans.plan(moved.planId()).orElseThrow().phase());
        plans.advancePlan(moved.planId());
        plans.advancePlan(moved.planId());

        plans.bindJournal(services.journal);
        plans.awaitRebuilds();

        assertEquals(List.of(journalled, inMemory), List.of(plans.plan(journalled.planId()).orElseThrow(),
                plans.plan(inMemory.planId()).orElseThrow()));
        assertEquals("a plan held is kept as it is", PlanPhase.EXECUTING,
                plans.plan(moved.planId()).orElseThrow().phase());
        assertEquals(3, plans.plans().size());
        assertEquals(List.of(decided), decisions.decisionsForPlan(moved.planId()));
        assertEquals(0L, (long) plans.metrics().get("rebuild.problems"));
        assertEquals(1L, (long) plans.metrics().get("plans.finished.retained"));
        plans.deactivate();
        decisions.deactivate();
    }

    @Test
    public void eventsJournalledTwiceOrNotWrittenByTheServicesChangeNothing() throws IOException {
        Plan plan = newPlan("twice");
        services.plans.failPlan(plan.planId(), "broken");
        Decision d = services.decisions.recordDecision(plan.planId(), "t", "q?", "a", null);
        services.decisions.supersedeDecision(d.decisionId(), "b", null);
        List<DomainEvent> written = List.copyOf(services.recorder.events);
        List<Plan> before = services.plans.plans();
        services.close();
        try (Journal journal = services.openJournal()) {
            written.forEach(journal::append);
            journal.append(DomainEvent.builder(EventType.PLAN_CREATED).planId("p-1").build());
            journal.append(DomainEvent.builder(EventType.DECISION_CREATED).planId("p-1").detail("n", 1).build());
            journal.append(DomainEvent.builder(EventType.PLAN_STARTED).planId("p-unknown").build());
        }
        services = new JournalledServices(services.settings);

        assertEquals(before, services.plans.plans());
        assertEquals(2, services.decisions.decisionsForPlan(plan.planId()).size());
        Map<String, Long> m = services.plans.metrics();
        assertEquals(0L, (long) m.get("rebuild.problems"));
        assertEquals(2L, (long) m.get("rebuild.duplicates"));
        assertEquals(1L, (long) m.get("rebuild.foreign"));
        assertEquals(1L, (long) services.decisions.metrics().get("rebuild.foreign"));
        assertEquals(2L, (long) services.decisions.metrics().get("rebuild.duplicates"));
    }

    @Test
    public void aJournalTrimmedByRetentionYieldsThePlansWhoseEventsRemain() throws IOException {
        services.close();
        services = new JournalledServices(JournalledServices.trimmed(tmp.newFolder("trimmed").toPath(), 4096, 12_288));
        Plan first = services.plans.executePlan(newPlan("first").planId());
        for (int i = 0; i < 40; i++) {
            services.plans.executePlan(newPlan("filler").planId());
        }
        Plan last = newPlan("last");
        services.plans.advancePlan(last.planId());

        services.restart();

        assertTrue("the oldest plan's events were trimmed", services.plans.plan(first.planId()).isEmpty());
        assertEquals(PlanPhase.PLANNING, services.plans.plan(last.planId()).orElseThrow().phase());
        Map<String, Long> m = services.plans.metrics();
        assertTrue(m.toString(), m.get("plans.retained") > 0 && m.get("plans.retained") < 42);
        assertEquals(0L, (long) m.get("rebuild.problems"));
        assertEquals(PlanPhase.COMPLETED, services.plans.executePlan(last.planId()).phase());
    }

    @Test
    public void aContradictoryEventIsReportedByIdAndTheRestIsKept() throws IOException {
        Plan ok = newPlan("ok");
        Plan done = services.plans.executePlan(newPlan("done").planId());
        Decision reverted = services.decisions.revertDecision(
                services.decisions.recordDecision(ok.planId(), "t", "q?", "a", null).decisionId(), "no");
        DomainEvent backwards = DomainEvent.builder(EventType.PLAN_PHASE_CHANGED).planId(done.planId())
                .detail("from", "completed").detail("to", "executing").build();
        DomainEvent skipping = DomainEvent.builder(EventType.PLAN_PHASE_CHANGED).planId(ok.planId())
                .detail("from", "created").detail("to", "completed").build();
        DomainEvent garbled = DomainEvent.builder(EventType.PLAN_PHASE_CHANGED).planId(ok.planId())
                .detail("from", "\u001b[2Jnope").detail("to", 3).build();
        DomainEvent failedTwice = DomainEvent.builder(EventType.PLAN_FAILED).planId(done.planId()).build();
        DomainEvent revertedAgain = DecisionEvents.superseded(reverted, new Decision(DomainEvent.newUlid(),
                ok.planId(), ok.rootPlanId(), "sess-1", "alice", "proj", "t", "q?", "b", null, DecisionStatus.ACTIVE,
                null, null, null, done.updatedAt()));
        services.close();
        try (Journal journal = services.openJournal()) {
            Stream.of(backwards, skipping, garbled, failedTwice, revertedAgain).forEach(journal::append);
        }
        services = new JournalledServices(services.settings);

        assertEquals(PlanPhase.CREATED, services.plans.plan(ok.planId()).orElseThrow().phase());
        assertEquals(done, services.plans.plan(done.planId()).orElseThrow());
        assertEquals(reverted, services.decisions.decision(reverted.decisionId()).orElseThrow());
        List<String> problems = services.plans.rebuildProblems();
        assertEquals(4L, (long) services.plans.metrics().get("rebuild.problems"));
        assertTrue(problems.get(0), problems.get(0).startsWith("event " + backwards.eventId() + " (plan.phase_changed)"
                + " moves its plan from completed to executing but the plan is completed"));
        assertTrue(problems.get(1), problems.get(1).contains(skipping.eventId() + " (plan.phase_changed)"));
        assertTrue(problems.get(1), problems.get(1).endsWith("and the phase rules forbid that move"));
        assertTrue(problems.get(2), problems.get(2).contains(garbled.eventId()));
        assertTrue("journal text never reaches the report", problems.stream().noneMatch(p -> p.contains("nope")));
        assertTrue(problems.get(3), problems.get(3).contains(failedTwice.eventId() + " (plan.failed)"));
        assertEquals(List.of("event " + revertedAgain.eventId() + " (decision.superseded) changes a decision that is"
                + " already reverted (only an active decision can be superseded or reverted)"),
                services.decisions.rebuildProblems());
        assertEquals(PlanPhase.PLANNING, services.plans.advancePlan(ok.planId()).phase());
    }

    @Test
    public void aDamagedSegmentIsReportedByNameAndWhatPrecedesItIsKept() throws IOException {
        Plan plan = services.plans.executePlan(newPlan("kept").planId());
        services.close();
        Path segment;
        try (Stream<Path> files = Files.list(services.settings.directory())) {
            segment = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        Files.write(segment, "{\"not\":\"a record\"}\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        services = new JournalledServices(services.settings);

        assertEquals(plan, services.plans.plan(plan.planId()).orElseThrow());
        List<String> problems = services.plans.rebuildProblems();
        assertEquals(problems.toString(), 1, problems.size());
        assertTrue(problems.get(0), problems.get(0).startsWith("journal UNDECODABLE " + segment.getFileName()));
    }

    @Test
    public void aRebuildWaitsForAChangeStillRunningOnThePreviousInstance() throws Exception {
        Plan plan = newPlan("racing");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PlanLifecycleComponent old = services.plans;
        Subscription blocker = services.recorder.bus.subscribe(EventType.PLAN_STARTED, e -> {
            inside.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        Thread advancing = new Thread(() -> old.advancePlan(plan.planId()), "advancing");
        advancing.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        old.deactivate();
        PlanLifecycleComponent successor = new PlanLifecycleComponent(Configs.plan(10), (java.nio.file.Path) null);
        successor.bindJournal(services.journal);
        await().atMost(10, TimeUnit.SECONDS).until(() -> Thread.getAllStackTraces().keySet().stream().anyMatch(
                t -> t.getName().equals("plan service rebuild") && t.getState() == Thread.State.TIMED_WAITING));
        release.countDown();
        advancing.join(10_000);
        blocker.close();

        assertEquals("the phase change emitted after the rebuild began is in the new state", PlanPhase.PLANNING,
                successor.plan(plan.planId()).orElseThrow().phase());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> old.cancelPlan(plan.planId(), null));
        assertEquals("this plan service was deactivated: get the service again", refused.getMessage());
        successor.deactivate();
    }
}
