package ai.cleveragents.events.services.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionStatus;
import ai.cleveragents.events.services.IllegalTransitionException;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.UnknownIdException;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class DecisionComponentTest {

    private RecordingBus recorder;
    private PlanLifecycleComponent plans;
    private DecisionComponent decisions;
    private Plan plan;

    @Before
    public void setUp() {
        recorder = new RecordingBus("test");
        plans = new PlanLifecycleComponent(Configs.plan(1000), (java.nio.file.Path) null);
        Plan root = plans.useAction("refactor", "proj", "sess-1", "alice", null, null);
        plan = plans.useAction("rename", "proj", "sess-1", "bob", null, root.planId());
        decisions = new DecisionComponent(Configs.decision(1000), plans, (java.nio.file.Path) null);
        decisions.bus = recorder.bus;
    }

    @After
    public void tearDown() {
        recorder.close();
    }

    private Decision record() {
        return decisions.recordDecision(plan.planId(), "tool-choice", "which tool?", "sed", "fastest");
    }

    @Test
    public void recordDecisionStoresItWithThePlanContextAndEmitsDecisionCreated() {
        Decision d = record();

        assertEquals(26, d.decisionId().length());
        assertEquals(plan.planId(), d.planId());
        assertEquals(plan.rootPlanId(), d.rootPlanId());
        assertEquals("sess-1", d.sessionId());
        assertEquals("bob", d.actorName());
        assertEquals("proj", d.projectName());
        assertEquals("tool-choice", d.decisionType());
        assertEquals("which tool?", d.question());
        assertEquals("sed", d.chosenOption());
        assertEquals("fastest", d.rationale());
        assertEquals(DecisionStatus.ACTIVE, d.status());
        assertNull(d.supersedes());
        assertNull(d.supersededBy());
        assertNull(d.reason());
        assertSame(d, decisions.decision(d.decisionId()).orElseThrow());

        assertEquals(List.of(EventType.DECISION_CREATED), recorder.types());
        DomainEvent e = recorder.last();
        assertContext(d, e);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("decision_id", d.decisionId());
        expected.put("decision_type", "tool-choice");
        expected.put("question", "which tool?");
        expected.put("chosen_option", "sed");
        expected.put("rationale", "fastest");
        assertEquals(expected, e.details());
    }

    @Test
    public void rationaleIsOptional() {
        Decision d = decisions.recordDecision(plan.planId(), "t", "q", "o", null);
        assertNull(d.rationale());
        assertTrue(recorder.last().details().containsKey("rationale"));
    }

    @Test
    public void supersedeReplacesTheDecisionAndEmitsDecisionSuperseded() {
        Decision old = record();
        recorder.events.clear();

        Decision replacement = decisions.supersedeDecision(old.decisionId(), "awk", "handles columns");

        assertEquals(DecisionStatus.ACTIVE, replacement.status());
        assertEquals(old.decisionId(), replacement.supersedes());
        assertEquals("awk", replacement.chosenOption());
        assertEquals("handles columns", replacement.rationale());
        assertEquals(old.question(), replacement.question());
        assertEquals(old.decisionType(), replacement.decisionType());
        Decision oldNow = decisions.decision(old.decisionId()).orElseThrow();
        assertEquals(DecisionStatus.SUPERSEDED, oldNow.status());
        assertEquals(replacement.decisionId(), oldNow.supersededBy());
        assertEquals("sed", oldNow.chosenOption());
        assertEquals(List.of(old.decisionId(), replacement.decisionId()),
                decisions.decisionsForPlan(plan.planId()).stream().map(Decision::decisionId).collect(Collectors.toList()));

        assertEquals(List.of(EventType.DECISION_SUPERSEDED), recorder.types());
        DomainEvent e = recorder.last();
        assertContext(old, e);
        assertEquals(old.decisionId(), e.details().get("decision_id"));
        assertEquals(replacement.decisionId(), e.details().get("superseded_by"));
        assertEquals("sed", e.details().get("previous_option"));
        assertEquals("awk", e.details().get("chosen_option"));
        assertEquals("handles columns", e.details().get("rationale"));
        assertEquals("tool-choice", e.details().get("decision_type"));
        assertEquals("which tool?", e.details().get("question"));
    }

    @Test
    public void revertWithdrawsTheDecisionAndEmitsDecisionReverted() {
        Decision d = record();
        recorder.events.clear();

        Decision reverted = decisions.revertDecision(d.decisionId(), "tool unavailable");

        assertEquals(DecisionStatus.REVERTED, reverted.status());
        assertEquals("tool unavailable", reverted.reason());
        assertEquals(reverted, decisions.decision(d.decisionId()).orElseThrow());
        assertEquals(List.of(EventType.DECISION_REVERTED), recorder.types());
        DomainEvent e = recorder.last();
        assertContext(d, e);
        assertEquals(d.decisionId(), e.details().get("decision_id"));
        assertEquals("sed", e.details().get("chosen_option"));
        assertEquals("tool unavailable", e.details().get("reason"));
    }

    @Test
    public void onlyAnActiveDecisionCanBeSupersededOrReverted() {
        Decision reverted = decisions.revertDecision(record().decisionId(), "r");
        Decision old = record();
        decisions.supersedeDecision(old.decisionId(), "awk", null);
        Decision superseded = decisions.decision(old.decisionId()).orElseThrow();
        recorder.events.clear();

        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> decisions.supersedeDecision(reverted.decisionId(), "x", null));
        assertEquals(reverted.decisionId(), e.id());
        assertEquals("reverted", e.from());
        assertEquals("superseded", e.to());
        assertEquals("cannot supersede decision " + reverted.decisionId() + ": it is already reverted;"
                + " only an active decision can be superseded or reverted", e.getMessage());
        e = assertThrows(IllegalTransitionException.class, () -> decisions.revertDecision(reverted.decisionId(), null));
        assertEquals("reverted", e.to());
        e = assertThrows(IllegalTransitionException.class, () -> decisions.supersedeDecision(superseded.decisionId(), "y", null));
        assertEquals("superseded", e.from());
        assertThrows(IllegalTransitionException.class, () -> decisions.revertDecision(superseded.decisionId(), null));

        assertTrue(recorder.events.isEmpty());
        assertSame(reverted, decisions.decision(reverted.decisionId()).orElseThrow());
        assertSame(superseded, decisions.decision(superseded.decisionId()).orElseThrow());
        assertEquals(3L, (long) decisions.metrics().get("decisions.retained"));
    }

    @Test
    public void nullOrBlankArgumentsAreRejectedWithoutEventOrStateChange() {
        String id = record().decisionId();
        recorder.events.clear();
        List<Map.Entry<String, Runnable>> calls = List.of(
                Map.entry("planId", () -> decisions.recordDecision(null, "t", "q", "o", "r")),
                Map.entry("decisionType", () -> decisions.recordDecision(plan.planId(), " ", "q", "o", "r")),
                Map.entry("question", () -> decisions.recordDecision(plan.planId(), "t", null, "o", "r")),
                Map.entry("chosenOption", () -> decisions.recordDecision(plan.planId(), "t", "q", "", "r")),
                Map.entry("decisionId", () -> decisions.supersedeDecision(" ", "o", "r")),
                Map.entry("newChosenOption", () -> decisions.supersedeDecision(id, null, "r")),
                Map.entry("decisionId", () -> decisions.revertDecision(null, "r")),
                Map.entry("decisionId", () -> decisions.decision("")),
                Map.entry("planId", () -> decisions.decisionsForPlan(" ")));
        for (Map.Entry<String, Runnable> call : calls) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call.getValue()::run);
            assertTrue(e.getMessage(), e.getMessage().startsWith(call.getKey() + " "));
        }
        assertTrue(recorder.events.isEmpty());
        assertEquals(DecisionStatus.ACTIVE, decisions.decision(id).orElseThrow().status());
        assertEquals(1, decisions.decisionsForPlan(plan.planId()).size());
    }

    @Test
    public void unknownIdsAreRejectedWithoutEvent() {
        UnknownIdException e = assertThrows(UnknownIdException.class,
                () -> decisions.recordDecision("nope", "t", "q", "o", null));
        assertEquals("plan", e.kind());
        e = assertThrows(UnknownIdException.class, () -> decisions.supersedeDecision("nope", "o", null));
        assertEquals("decision", e.kind());
        assertEquals("nope", e.id());
        assertThrows(UnknownIdException.class, () -> decisions.revertDecision("nope", null));
        assertTrue(decisions.decision("nope").isEmpty());
        assertTrue(decisions.decisionsForPlan("nope").isEmpty());
        assertTrue(recorder.events.isEmpty());
        assertEquals(0L, (long) decisions.metrics().get("decisions.retained"));
    }

    @Test
    public void aRefusedEventChangesNothing() {
        JournalStage journal = new JournalStage();
        RecordingBus refusing = new RecordingBus("refusing", journal);
        decisions.bus = refusing.bus;
        try {
            Decision d = record();
            journal.refuse(EventType.DECISION_CREATED);
            assertThrows(EventRejectedException.class, this::record);
            journal.refuse(EventType.DECISION_SUPERSEDED);
            assertThrows(EventRejectedException.class, () -> decisions.supersedeDecision(d.decisionId(), "x", null));
            journal.refuse(EventType.DECISION_REVERTED);
            assertThrows(EventRejectedException.class, () -> decisions.revertDecision(d.decisionId(), null));

            assertSame(d, decisions.decision(d.decisionId()).orElseThrow());
            assertEquals(List.of(d), decisions.decisionsForPlan(plan.planId()));
            assertEquals(1, refusing.events.size());
        } finally {
            refusing.close();
        }
    }

    @Test
    public void decisionsBeyondTheBoundAreForgottenOldestFirst() {
        decisions = new DecisionComponent(Configs.decision(2), plans, (java.nio.file.Path) null);
        Decision first = record();
        Decision second = record();
        Decision third = decisions.supersedeDecision(second.decisionId(), "awk", null);

        assertTrue(decisions.decision(first.decisionId()).isEmpty());
        assertEquals(List.of(second.decisionId(), third.decisionId()),
                decisions.decisionsForPlan(plan.planId()).stream().map(Decision::decisionId).collect(Collectors.toList()));
        assertThrows(UnknownIdException.class, () -> decisions.revertDecision(first.decisionId(), null));
        assertEquals(Map.of("decisions.retained", 2L, "emits.skipped", 3L, "emits.redirected", 0L, "emits.lost", 0L),
                decisions.metrics());

        decisions.modified(Configs.decision(0));
        assertTrue(decisions.decisionsForPlan(plan.planId()).isEmpty());
        assertTrue(decisions.decision(third.decisionId()).isEmpty());
    }

    @Test
    public void decisionsOutliveTheirFinishedPlan() {
        plans.modified(Configs.plan(0));
        Decision d = record();
        plans.executePlan(plan.planId());
        assertTrue(plans.plan(plan.planId()).isEmpty());
        recorder.events.clear();

        decisions.revertDecision(d.decisionId(), "plan done");
        assertContext(d, recorder.last());
        assertThrows(UnknownIdException.class, this::record);
    }

    @Test
    public void concurrentSupersedesOfOneDecisionLetExactlyOneWin() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 50; round++) {
                Decision d = record();
                recorder.events.clear();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Decision>> results = new ArrayList<>();
                List<Throwable> refused = new CopyOnWriteArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String option = "option-" + t;
                    Callable<Decision> call = () -> {
                        go.await();
                        try {
                            return decisions.supersedeDecision(d.decisionId(), option, null);
                        } catch (IllegalTransitionException e) {
                            refused.add(e);
                            return null;
                        }
                    };
                    results.add(pool.submit(call));
                }
                go.countDown();
                List<Decision> winners = new ArrayList<>();
                for (Future<Decision> f : results) {
                    Decision r = f.get(10, TimeUnit.SECONDS);
                    if (r != null) {
                        winners.add(r);
                    }
                }
                assertEquals(1, winners.size());
                assertEquals(threads - 1, refused.size());
                assertEquals(List.of(EventType.DECISION_SUPERSEDED), recorder.types());
                assertEquals(winners.get(0).decisionId(), decisions.decision(d.decisionId()).orElseThrow().supersededBy());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertContext(Decision d, DomainEvent e) {
        assertEquals(d.planId(), e.planId());
        assertEquals(d.rootPlanId(), e.rootPlanId());
        assertEquals(d.rootPlanId(), e.correlationId());
        assertEquals(d.sessionId(), e.sessionId());
        assertEquals(d.actorName(), e.actorName());
        assertEquals(d.projectName(), e.projectName());
    }
}
