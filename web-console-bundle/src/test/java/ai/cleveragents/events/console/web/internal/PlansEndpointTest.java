package ai.cleveragents.events.console.web.internal;

import static ai.cleveragents.events.console.web.internal.JournalEndpointTest.assertError;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionService;
import ai.cleveragents.events.services.DecisionStatus;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanLifecycleService;
import ai.cleveragents.events.services.PlanPhase;

/** {@code /console/api/plans} and {@code /console/api/decisions}, in a real Jetty. */
public class PlansEndpointTest {

    private static final Instant T = Instant.parse("2026-11-25T11:00:00Z");
    private static final Plan PLAN = new Plan("p-1", "p-1", null, "deploy <b>", "proj", "s-1", "actor",
            Map.of("token", "abc123", "n", 2), PlanPhase.EXECUTING, null, T, T.plusSeconds(2));
    private static final Decision DECISION = new Decision("d-1", "p-1", "p-1", "s-1", "actor", "proj", "model",
            "which\u001b[2J?", "gpt", null, DecisionStatus.ACTIVE, null, null, null, T.plusSeconds(1));

    private final MemoryJournal journal = new MemoryJournal();
    private final AtomicReference<PlanLifecycleService> plans = new AtomicReference<>(new StoredPlans());
    private ConsoleServer server;

    @Before
    public void start() throws Exception {
        journal.append(DomainEvent.builder(EventType.PLAN_CREATED).planId("p-1").timestamp(T).build());
        journal.append(DomainEvent.builder(EventType.PLAN_PHASE_CHANGED).planId("p-1").timestamp(T.plusSeconds(1))
                .detail("from", "created").detail("to", "planning").build());
        journal.append(DomainEvent.builder(EventType.PLAN_CREATED).planId("p-2").timestamp(T.plusSeconds(1)).build());
        DecisionService decisions = new StoredDecisions();
        server = new ConsoleServer(Auth.of("", "", "")).serve(new PlansServlet(plans::get, () -> decisions, () -> journal),
                "/api/plans", "/api/plans/*", "/api/decisions").start();
    }

    @After
    public void stop() throws Exception {
        server.close();
    }

    @Test
    public void plansListAndDetailWithTimelineAndDecisionsRedactedAndEscaped() {
        String list = Http.get(server.uri("/api/plans")).body();
        assertTrue(list, list.startsWith("{\"plans\":[{\"plan_id\":\"p-1\",\"root_plan_id\":\"p-1\",\"parent_plan_id\":null,"
                + "\"action_name\":\"deploy <b>\""));
        assertTrue(list, list.contains("\"phase\":\"executing\"") && list.contains("\"token\":\"***\""));
        String detail = Http.get(server.uri("/api/plans/p-1")).body();
        assertTrue(detail, detail.startsWith("{\"plan\":{\"plan_id\":\"p-1\""));
        assertTrue(detail, detail.contains("\"decisions\":[{\"decision_id\":\"d-1\""));
        assertTrue(detail, detail.contains("\"question\":\"which\\\\u001b[2J?\""));
        assertEquals(2, detail.split("\"event_type\":\"plan\\.").length - 1);
        assertTrue(detail, detail.contains("\"to\":\"planning\""));
        String decisions = Http.get(server.uri("/api/decisions?plan=p-1")).body();
        assertTrue(decisions, decisions.startsWith("{\"decisions\":[{\"decision_id\":\"d-1\",\"plan_id\":\"p-1\""));
        assertTrue(decisions, decisions.contains("\"recorded_at\":\"2026-11-25T11:00:01Z\""));
    }

    @Test
    public void unknownPlansMissingParametersAndMissingServicesAreClearErrors() {
        assertError(404, "no such plan", Http.get(server.uri("/api/plans/p-9")));
        assertError(400, "plan is missing", Http.get(server.uri("/api/decisions")));
        plans.set(null);
        assertError(503, "no PlanLifecycleService (start the bundle ai.cleveragents.events.services)",
                Http.get(server.uri("/api/plans")));
    }

    /** One stored plan; the lifecycle operations are not used by the console. */
    private static final class StoredPlans implements PlanLifecycleService {

        @Override
        public Plan useAction(String a, String p, String s, String actor, Map<String, ?> parameters, String parent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Plan advancePlan(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Plan executePlan(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Plan failPlan(String id, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Plan cancelPlan(String id, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Plan> plan(String id) {
            return PLAN.planId().equals(id) ? Optional.of(PLAN) : Optional.empty();
        }

        @Override
        public List<Plan> plans() {
            return List.of(PLAN);
        }
    }

    /** One stored decision; recording is not used by the console. */
    private static final class StoredDecisions implements DecisionService {

        @Override
        public Decision recordDecision(String planId, String type, String question, String chosen, String rationale) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Decision supersedeDecision(String id, String chosen, String rationale) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Decision revertDecision(String id, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Decision> decision(String id) {
            return Optional.empty();
        }

        @Override
        public List<Decision> decisionsForPlan(String planId) {
            return DECISION.planId().equals(planId) ? List.of(DECISION) : List.of();
        }
    }
}
