package ai.cleveragents.events.services.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.services.IllegalTransitionException;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanPhase;
import ai.cleveragents.events.services.UnknownIdException;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class PlanLifecycleComponentTest {

    private RecordingBus recorder;
    private PlanLifecycleComponent plans;

    @Before
    public void setUp() {
        recorder = new RecordingBus("test");
        plans = new PlanLifecycleComponent(Configs.plan(1000), (java.nio.file.Path) null);
        plans.bus = recorder.bus;
    }

    @After
    public void tearDown() {
        recorder.close();
    }

    private Plan newPlan() {
        return plans.useAction("refactor", "proj", "sess-1", "alice", Map.of("file", "A.java"), null);
    }

    @Test
    public void useActionCreatesAPlanAndEmitsPlanCreated() {
        Plan plan = plans.useAction("refactor", "proj", "sess-1", "alice",
                Map.of("file", "A.java", "depth", 2, "flags", List.of(true)), null);

        assertEquals(PlanPhase.CREATED, plan.phase());
        assertEquals(plan.planId(), plan.rootPlanId());
        assertNull(plan.parentPlanId());
        assertEquals("refactor", plan.actionName());
        assertEquals(Map.of("file", "A.java", "depth", 2L, "flags", List.of(true)), plan.parameters());
        assertNull(plan.reason());
        assertEquals(plan.createdAt(), plan.updatedAt());
        assertEquals(plan, plans.plan(plan.planId()).orElseThrow());

        assertEquals(List.of(EventType.PLAN_CREATED), recorder.types());
        DomainEvent created = recorder.last();
        assertContext(plan, created);
        assertEquals("refactor", created.details().get("action"));
        assertEquals(plan.parameters(), created.details().get("parameters"));
        assertNull(created.details().get("parent_plan_id"));
        assertTrue(created.details().containsKey("parent_plan_id"));
        assertEquals("created", created.details().get("phase"));
    }

    @Test
    public void plansListsEveryRetainedPlanOldestFirst() {
        assertTrue(plans.plans().isEmpty());
        Plan first = newPlan();
        Plan second = newPlan();
        plans.executePlan(first.planId());
        assertEquals(List.of(first.planId(), second.planId()),
                plans.plans().stream().map(Plan::planId).collect(Collectors.toList()));
        assertEquals(PlanPhase.COMPLETED, plans.plans().get(0).phase());
        assertThrows(UnsupportedOperationException.class, () -> plans.plans().clear());
    }

    @Test
    public void parametersAreOptionalAndImmutable() {
        Plan plan = plans.useAction("noop", "proj", "sess-1", "alice", null, null);
        assertEquals(Map.of(), plan.parameters());
        Plan withParams = newPlan();
        assertThrows(UnsupportedOperationException.class, () -> withParams.parameters().put("x", "y"));
    }

    @Test
    public void childPlansJoinTheirParentsTree() {
        Plan root = newPlan();
        Plan child = plans.useAction("step", "proj", "sess-1", "bob", null, root.planId());
        Plan grandChild = plans.useAction("sub-step", "proj", "sess-1", "bob", null, child.planId());

        assertEquals(root.planId(), child.rootPlanId());
        assertEquals(root.planId(), child.parentPlanId());
        assertEquals(root.planId(), grandChild.rootPlanId());
        assertEquals(child.planId(), grandChild.parentPlanId());
        DomainEvent created = recorder.last();
        assertContext(grandChild, created);
        assertEquals(child.planId(), created.details().get("parent_plan_id"));
        assertEquals(root.planId(), created.correlationId());
    }

    @Test
    public void executePlanRunsEveryPhaseAndEmitsStartedChangesAndCompleted() {
        Plan plan = newPlan();
        recorder.events.clear();

        Plan done = plans.executePlan(plan.planId());

        assertEquals(PlanPhase.COMPLETED, done.phase());
        assertEquals(done, plans.plan(plan.planId()).orElseThrow());
        assertFalse(done.updatedAt().isBefore(done.createdAt()));
        assertEquals(List.of(EventType.PLAN_STARTED, EventType.PLAN_PHASE_CHANGED, EventType.PLAN_PHASE_CHANGED,
                EventType.PLAN_PHASE_CHANGED, EventType.PLAN_PHASE_CHANGED, EventType.PLAN_COMPLETED), recorder.types());
        assertEquals(List.of("created>planning", "planning>executing", "executing>validating", "validating>completed"),
                phaseChanges());
        for (DomainEvent e : recorder.events) {
            assertContext(plan, e);
            assertEquals("refactor", e.details().get("action"));
        }
    }

    @Test
    public void advancePlanMovesOnePhaseAndStartsThePlanOnlyOnce() {
        Plan plan = newPlan();
        recorder.events.clear();

        assertEquals(PlanPhase.PLANNING, plans.advancePlan(plan.planId()).phase());
        assertEquals(List.of(EventType.PLAN_STARTED, EventType.PLAN_PHASE_CHANGED), recorder.types());
        assertEquals(PlanPhase.EXECUTING, plans.advancePlan(plan.planId()).phase());
        assertEquals(3, recorder.events.size());

        recorder.events.clear();
        assertEquals(PlanPhase.COMPLETED, plans.executePlan(plan.planId()).phase());
        assertEquals(List.of("executing>validating", "validating>completed"), phaseChanges());
        assertFalse(recorder.types().contains(EventType.PLAN_STARTED));
    }

    @Test
    public void failPlanEmitsPhaseChangedThenFailedWithTheReason() {
        Plan plan = newPlan();
        plans.advancePlan(plan.planId());
        plans.advancePlan(plan.planId());
        recorder.events.clear();

        Plan failed = plans.failPlan(plan.planId(), "compiler crashed");

        assertEquals(PlanPhase.FAILED, failed.phase());
        assertEquals("compiler crashed", failed.reason());
        assertEquals(List.of(EventType.PLAN_PHASE_CHANGED, EventType.PLAN_FAILED), recorder.types());
        assertEquals(List.of("executing>failed"), phaseChanges());
        DomainEvent event = recorder.last();
        assertContext(plan, event);
        assertEquals("executing", event.details().get("from"));
        assertEquals("compiler crashed", event.details().get("reason"));
    }

    @Test
    public void cancelPlanBeforeItStartsEmitsNoStartedEvent() {
        Plan plan = newPlan();
        recorder.events.clear();

        Plan cancelled = plans.cancelPlan(plan.planId(), null);

        assertEquals(PlanPhase.CANCELLED, cancelled.phase());
        assertNull(cancelled.reason());
        assertEquals(List.of(EventType.PLAN_PHASE_CHANGED, EventType.PLAN_CANCELLED), recorder.types());
        assertEquals("created", recorder.last().details().get("from"));
        assertTrue(recorder.last().details().containsKey("reason"));
        assertContext(plan, recorder.last());
    }

    @Test
    public void nullOrBlankArgumentsAreRejectedWithoutEventOrStateChange() {
        List<Map.Entry<String, Runnable>> calls = List.of(
                Map.entry("actionName", () -> plans.useAction(null, "p", "s", "a", null, null)),
                Map.entry("projectName", () -> plans.useAction("x", " ", "s", "a", null, null)),
                Map.entry("sessionId", () -> plans.useAction("x", "p", "", "a", null, null)),
                Map.entry("actorName", () -> plans.useAction("x", "p", "s", null, null, null)),
                Map.entry("parentPlanId", () -> plans.useAction("x", "p", "s", "a", null, "\t")),
                Map.entry("planId", () -> plans.executePlan(null)),
                Map.entry("planId", () -> plans.advancePlan(" ")),
                Map.entry("planId", () -> plans.failPlan("", "r")),
                Map.entry("planId", () -> plans.cancelPlan(null, "r")),
                Map.entry("planId", () -> plans.plan(" ")));
        for (Map.Entry<String, Runnable> call : calls) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call.getValue()::run);
            assertTrue(e.getMessage(), e.getMessage().startsWith(call.getKey() + " "));
        }
        assertTrue(recorder.events.isEmpty());
        assertEquals(0L, (long) plans.metrics().get("plans.retained"));
    }

    @Test
    public void parametersThatAreNotJsonAreRejectedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plans.useAction("x", "p", "s", "a", Map.of("when", new Object()), null));
        assertTrue(e.getMessage(), e.getMessage().contains("parameters.when"));
        assertTrue(recorder.events.isEmpty());
        assertEquals(0L, (long) plans.metrics().get("plans.retained"));
    }

    @Test
    public void unknownIdsAreRejectedWithoutEvent() {
        newPlan();
        recorder.events.clear();
        List<Runnable> calls = Arrays.asList(
                () -> plans.useAction("x", "p", "s", "a", null, "nope"),
                () -> plans.advancePlan("nope"),
                () -> plans.executePlan("nope"),
                () -> plans.failPlan("nope", null),
                () -> plans.cancelPlan("nope", null));
        for (Runnable call : calls) {
            UnknownIdException e = assertThrows(UnknownIdException.class, call::run);
            assertEquals("plan", e.kind());
            assertEquals("nope", e.id());
            assertTrue(e.getMessage(), e.getMessage().contains("unknown plan id 'nope'"));
        }
        assertTrue(plans.plan("nope").isEmpty());
        assertTrue(recorder.events.isEmpty());
        assertEquals(1L, (long) plans.metrics().get("plans.retained"));
    }

    @Test
    public void movesOutOfAFinalPhaseAreIllegalAndChangeNothing() {
        Plan completed = plans.executePlan(newPlan().planId());
        Plan cancelled = plans.cancelPlan(newPlan().planId(), "no longer needed");
        recorder.events.clear();

        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> plans.executePlan(completed.planId()));
        assertEquals(completed.planId(), e.id());
        assertEquals("completed", e.from());
        assertEquals("next", e.to());
        assertTrue(e.getMessage(), e.getMessage().contains("cannot advance plan " + completed.planId() + ": it is completed"));
        e = assertThrows(IllegalTransitionException.class, () -> plans.advancePlan(cancelled.planId()));
        assertEquals("cancelled", e.from());
        e = assertThrows(IllegalTransitionException.class, () -> plans.failPlan(completed.planId(), "late"));
        assertEquals("failed", e.to());
        assertTrue(e.getMessage(), e.getMessage().startsWith("cannot fail plan"));
        e = assertThrows(IllegalTransitionException.class, () -> plans.cancelPlan(cancelled.planId(), "again"));
        assertEquals("cancelled", e.to());

        assertTrue(recorder.events.isEmpty());
        assertSame(completed, plans.plan(completed.planId()).orElseThrow());
        assertSame(cancelled, plans.plan(cancelled.planId()).orElseThrow());
    }

    @Test
    public void withNoBusEverythingWorksAndEmissionsAreCountedAsSkipped() {
        plans.bus = null;
        Plan plan = newPlan();
        plans.executePlan(plan.planId());
        plans.failPlan(newPlan().planId(), "x");

        assertEquals(PlanPhase.COMPLETED, plans.plan(plan.planId()).orElseThrow().phase());
        assertTrue(recorder.events.isEmpty());
        assertEquals(1 + 6 + 1 + 2, (long) plans.metrics().get("emits.skipped"));
        assertEquals(0L, (long) plans.metrics().get("emits.lost"));
    }

    @Test
    public void aRefusedEventLeavesThePlanAsItWasAndReachesTheCaller() {
        JournalStage journal = new JournalStage();
        RecordingBus refusing = new RecordingBus("refusing", journal);
        plans.bus = refusing.bus;
        try {
            journal.refuse(EventType.PLAN_CREATED);
            assertThrows(EventRejectedException.class, this::newPlan);
            assertEquals(0L, (long) plans.metrics().get("plans.retained"));

            journal.refuse(null);
            Plan plan = newPlan();
            journal.refuse(EventType.PLAN_PHASE_CHANGED);
            assertThrows(EventRejectedException.class, () -> plans.executePlan(plan.planId()));
            assertSame(plan, plans.plan(plan.planId()).orElseThrow());
            assertThrows(EventRejectedException.class, () -> plans.cancelPlan(plan.planId(), "x"));
            assertSame(plan, plans.plan(plan.planId()).orElseThrow());

            journal.refuse(EventType.PLAN_COMPLETED);
            assertThrows(EventRejectedException.class, () -> plans.executePlan(plan.planId()));
            assertEquals(PlanPhase.VALIDATING, plans.plan(plan.planId()).orElseThrow().phase());
            journal.refuse(null);
            assertEquals(PlanPhase.COMPLETED, plans.executePlan(plan.planId()).phase());
        } finally {
            refusing.close();
        }
    }

    @Test
    public void aHandlerCannotChangeThePlanWhoseEventItIsHandling() {
        AtomicReference<Exception> seen = new AtomicReference<>();
        recorder.bus.subscribe(EventType.PLAN_STARTED, e -> {
            try {
                plans.cancelPlan(e.planId(), "from a handler");
            } catch (IllegalStateException refused) {
                seen.set(refused);
            }
        });
        Plan plan = newPlan();

        assertEquals(PlanPhase.COMPLETED, plans.executePlan(plan.planId()).phase());
        assertTrue(String.valueOf(seen.get()), seen.get().getMessage().contains("plan " + plan.planId() + " is being changed by this thread"));
        assertFalse(recorder.types().contains(EventType.PLAN_CANCELLED));
    }

    @Test
    public void finishedPlansBeyondTheBoundAreForgottenOldestFirst() {
        plans = new PlanLifecycleComponent(Configs.plan(2), (java.nio.file.Path) null);
        List<Plan> finished = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            finished.add(plans.executePlan(newPlan().planId()));
        }
        Plan running = newPlan();

        assertTrue(plans.plan(finished.get(0).planId()).isEmpty());
        assertTrue(plans.plan(finished.get(1).planId()).isPresent());
        assertTrue(plans.plan(finished.get(2).planId()).isPresent());
        assertEquals(Map.of("plans.retained", 3L, "plans.finished.retained", 2L,
                "emits.skipped", 3L * 7 + 1, "emits.redirected", 0L, "emits.lost", 0L), plans.metrics());

        plans.modified(Configs.plan(0));
        assertTrue(plans.plan(finished.get(2).planId()).isEmpty());
        assertTrue("plans not finished are kept", plans.plan(running.planId()).isPresent());
        assertThrows(UnknownIdException.class, () -> plans.executePlan(finished.get(2).planId()));

        plans.modified(Configs.plan(-5));
        assertEquals(PlanPhase.COMPLETED, plans.executePlan(running.planId()).phase());
        assertTrue(plans.plan(running.planId()).isEmpty());
    }

    /**
     * executePlan and cancelPlan race on 200 plans: every plan ends completed or cancelled, each call either
     * succeeds or reports that the plan was already final, and every plan's events form one unbroken chain
     * of moves with exactly one final event.
     */
    @Test
    public void executeAndCancelRacingLeaveEveryPlanConsistent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Plan> created = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Plan plan = newPlan();
                created.add(plan);
                CountDownLatch go = new CountDownLatch(1);
                Future<Plan> executed = pool.submit(() -> {
                    go.await();
                    return finalOrNull(() -> plans.executePlan(plan.planId()));
                });
                Future<Plan> cancelled = pool.submit(() -> {
                    go.await();
                    return finalOrNull(() -> plans.cancelPlan(plan.planId(), "race"));
                });
                go.countDown();
                Plan byExecute = executed.get(10, TimeUnit.SECONDS);
                Plan byCancel = cancelled.get(10, TimeUnit.SECONDS);
                Plan last = plans.plan(plan.planId()).orElseThrow();
                assertTrue(last.phase() == PlanPhase.COMPLETED || last.phase() == PlanPhase.CANCELLED);
                assertTrue(byExecute == null || byExecute.equals(last));
                assertEquals(last.phase() == PlanPhase.CANCELLED, byCancel != null);
            }
            for (Plan plan : created) {
                assertUnbrokenChain(plan.planId());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return the call's plan, or {@code null} if it found the plan already final */
    private static Plan finalOrNull(Supplier<Plan> call) {
        try {
            return call.get();
        } catch (IllegalTransitionException alreadyFinal) {
            return null;
        }
    }

    private void assertUnbrokenChain(String planId) {
        String phase = "created";
        int finals = 0;
        for (DomainEvent e : List.copyOf(recorder.events)) {
            if (!planId.equals(e.planId())) {
                continue;
            }
            if (e.eventType() == EventType.PLAN_PHASE_CHANGED) {
                assertEquals(planId, phase, e.details().get("from"));
                phase = (String) e.details().get("to");
            } else if (e.eventType() == EventType.PLAN_COMPLETED || e.eventType() == EventType.PLAN_CANCELLED) {
                finals++;
            }
        }
        assertEquals(planId, 1, finals);
        assertEquals(plans.plan(planId).orElseThrow().phase().id(), phase);
    }

    private List<String> phaseChanges() {
        List<String> changes = new ArrayList<>();
        for (DomainEvent e : recorder.events) {
            if (e.eventType() == EventType.PLAN_PHASE_CHANGED) {
                changes.add(e.details().get("from") + ">" + e.details().get("to"));
            }
        }
        return changes;
    }

    static void assertContext(Plan plan, DomainEvent event) {
        assertEquals(plan.planId(), event.planId());
        assertEquals(plan.rootPlanId(), event.rootPlanId());
        assertEquals(plan.rootPlanId(), event.correlationId());
        assertEquals(plan.sessionId(), event.sessionId());
        assertEquals(plan.actorName(), event.actorName());
        assertEquals(plan.projectName(), event.projectName());
    }
}
