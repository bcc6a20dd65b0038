package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionService;
import ai.cleveragents.events.services.DecisionStatus;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanLifecycleService;
import ai.cleveragents.events.services.PlanPhase;
import ai.cleveragents.events.services.UnknownIdException;

public class ServiceCommandsTest {

    private static final Instant T = Instant.parse("2026-11-25T11:00:00Z");

    /** Decisions in a list; unknown ids as the real service reports them. */
    private static final class Decisions implements DecisionService {
        final List<Decision> all = new ArrayList<>();

        @Override
        public Decision recordDecision(String planId, String type, String question, String chosen, String rationale) {
            if (planId.equals("none")) {
                throw new UnknownIdException("plan", planId);
            }
            Decision d = new Decision("d" + all.size(), planId, planId, "s", "a", "p", type, question, chosen, rationale,
                    DecisionStatus.ACTIVE, null, null, null, T);
            all.add(d);
            return d;
        }

        @Override
        public Decision supersedeDecision(String id, String chosen, String rationale) {
            Decision old = find(id);
            return recordDecision(old.planId(), old.decisionType(), old.question(), chosen, rationale);
        }

        @Override
        public Decision revertDecision(String id, String reason) {
            Decision d = find(id);
            return new Decision(d.decisionId(), d.planId(), d.rootPlanId(), d.sessionId(), d.actorName(), d.projectName(),
                    d.decisionType(), d.question(), d.chosenOption(), d.rationale(), DecisionStatus.REVERTED, null, null, reason, T);
        }

        @Override
        public Optional<Decision> decision(String id) {
            return all.stream().filter(d -> d.decisionId().equals(id)).findFirst();
        }

        @Override
        public List<Decision> decisionsForPlan(String planId) {
            return all.stream().filter(d -> d.planId().equals(planId)).toList();
        }

        private Decision find(String id) {
            return decision(id).orElseThrow(() -> new UnknownIdException("decision", id));
        }
    }

    /** Plans in a map, moved straight to their final phase. */
    private static final class Plans implements PlanLifecycleService {
        final Map<String, Plan> all = new LinkedHashMap<>();

        @Override
        public Plan useAction(String action, String project, String session, String actor, Map<String, ?> parameters,
                String parent) {
            Plan p = new Plan("p" + all.size(), "p" + all.size(), parent, action, project, session, actor,
                    new LinkedHashMap<>(parameters), PlanPhase.CREATED, null, T, T);
            all.put(p.planId(), p);
            return p;
        }

        @Override
        public Plan advancePlan(String id) {
            return move(id, PlanPhase.PLANNING, null);
        }

        @Override
        public Plan executePlan(String id) {
            return move(id, PlanPhase.COMPLETED, null);
        }

        @Override
        public Plan failPlan(String id, String reason) {
            return move(id, PlanPhase.FAILED, reason);
        }

        @Override
        public Plan cancelPlan(String id, String reason) {
            return move(id, PlanPhase.CANCELLED, reason);
        }

        @Override
        public List<Plan> plans() {
            return List.copyOf(all.values());
        }

        @Override
        public Optional<Plan> plan(String id) {
            return Optional.ofNullable(all.get(id));
        }

        private Plan move(String id, PlanPhase to, String reason) {
            Plan p = plan(id).orElseThrow(() -> new UnknownIdException("plan", id));
            if (p.phase().isTerminal()) {
                throw new IllegalStateException("plan " + id + " is already " + p.phase().id());
            }
            Plan moved = new Plan(p.planId(), p.rootPlanId(), p.parentPlanId(), p.actionName(), p.projectName(),
                    p.sessionId(), p.actorName(), p.parameters(), to, reason, p.createdAt(), T);
            all.put(id, moved);
            return moved;
        }
    }

    private static String error(Runnable command) {
        return assertThrows(CommandException.class, command::run).getMessage();
    }

    @Test
    public void decisionsAreRecordedListedSupersededAndReverted() {
        Decisions service = new Decisions();
        Created recorded = ServiceCommands.record(service, "p-1", "model", "which?", "gpt", "--rationale", "cheap");
        assertEquals(""
                + "DECISION  PLAN  TYPE   QUESTION  CHOSEN  STATUS  RATIONALE\n"
                + "d0        p-1   model  which?    gpt     active  cheap", recorded.toString());
        assertEquals("d0", recorded.id());
        assertEquals("d0", ((Decision) recorded.value()).decisionId());
        assertTrue(ServiceCommands.supersede(service, "d0", "claude").contains("d1        p-1   model  which?    claude  active  -"));
        assertTrue(ServiceCommands.revert(service, "d1", "too slow").contains("reverted"));
        assertEquals(3, ServiceCommands.list(service, "p-1").split("\n").length);
        assertEquals("no decisions for plan p-2", ServiceCommands.list(service, "p-2"));
    }

    @Test
    public void decisionErrorsAreOneLine() {
        Decisions service = new Decisions();
        assertEquals("expected 4 arguments, got 3\nusage: " + ServiceCommands.RECORD,
                error(() -> ServiceCommands.record(service, "p", "t", "q")));
        assertEquals("expected 1 arguments, got 0\nusage: " + ServiceCommands.LIST, error(() -> ServiceCommands.list(service)));
        assertTrue(error(() -> ServiceCommands.record(service, "none", "t", "q", "c")).contains("none"));
        assertTrue(error(() -> ServiceCommands.revert(service, "d9", "why")).contains("d9"));
        assertEquals(ServiceCommands.NO_DECISIONS, error(() -> ServiceCommands.supersede(null, "d0", "x")));
    }

    @Test
    public void plansAreCreatedExecutedFailedCancelledAndShown() {
        Plans service = new Plans();
        Created plan = ServiceCommands.create(service, "deploy", "env=prod", "token=t", "--project", "x",
                "--session", "s-1", "--actor", "bob");
        assertEquals("p0", plan.id());
        assertEquals("deploy", ((Plan) plan.value()).actionName());
        String created = plan.toString();
        assertTrue(created, created.startsWith("FIELD       VALUE\nplan        p0\n"));
        assertTrue(created, created.contains("parameters  {\"env\":\"prod\",\"token\":\"***\"}"));
        assertTrue(ServiceCommands.execute(service, "p0").contains("phase       completed"));
        assertTrue(ServiceCommands.show(service, "p0").contains("phase       completed"));
        ServiceCommands.create(service, "a", "--project", "x", "--session", "s", "--actor", "b", "--parent", "p0");
        assertTrue(ServiceCommands.fail(service, "p1", "broke").contains("reason      broke"));
        ServiceCommands.create(service, "a", "--project", "x", "--session", "s", "--actor", "b");
        assertTrue(ServiceCommands.cancel(service, "p2", "stop").contains("phase       cancelled"));
        String list = ServiceCommands.list(service);
        assertTrue(list, list.startsWith("PLAN  ACTION  PHASE      PROJECT  SESSION  ACTOR  ROOT PLAN"));
        assertEquals(4, list.lines().count());
        assertTrue(list, list.lines().skip(3).findFirst().orElseThrow().startsWith("p2    a       cancelled  x"));
    }

    @Test
    public void anEmptyPlanListSaysSoAndTakesNoArguments() {
        assertEquals("no plans", ServiceCommands.list(new Plans()));
        assertEquals("expected 0 arguments, got 1\nusage: " + ServiceCommands.LIST_PLANS,
                error(() -> ServiceCommands.list(new Plans(), "x")));
    }

    @Test
    public void planErrorsAreOneLine() {
        Plans service = new Plans();
        assertEquals("missing action\nusage: " + ServiceCommands.CREATE, error(() -> ServiceCommands.create(service)));
        assertEquals("missing --session\nusage: " + ServiceCommands.CREATE,
                error(() -> ServiceCommands.create(service, "a", "--project", "x", "--actor", "b")));
        assertEquals("bad parameter 'oops': expected key=value\nusage: " + ServiceCommands.CREATE,
                error(() -> ServiceCommands.create(service, "a", "oops")));
        assertEquals("no plan p9", error(() -> ServiceCommands.show(service, "p9")));
        assertTrue(error(() -> ServiceCommands.execute(service, "p9")).contains("p9"));
        ServiceCommands.create(service, "a", "--project", "x", "--session", "s", "--actor", "b");
        ServiceCommands.execute(service, "p0");
        assertEquals("plan p0 is already completed", error(() -> ServiceCommands.cancel(service, "p0", "late")));
        assertEquals(ServiceCommands.NO_PLANS, error(() -> ServiceCommands.execute(null, "p0")));
    }

    @Test
    public void componentsWithoutServicesSaySo() {
        DecisionCommands decisions = new DecisionCommands();
        PlanCommands plans = new PlanCommands();
        assertEquals(ServiceCommands.NO_DECISIONS, error(() -> decisions.record(null, "p", "t", "q", "c")));
        assertEquals(ServiceCommands.NO_DECISIONS, error(() -> decisions.list(null, "p")));
        assertEquals(ServiceCommands.NO_DECISIONS, error(() -> decisions.supersede(null, "d", "c")));
        assertEquals(ServiceCommands.NO_DECISIONS, error(() -> decisions.revert(null, "d", "r")));
        assertEquals(ServiceCommands.NO_PLANS, error(() -> plans.create(null, "a", "--project", "x", "--session", "s", "--actor", "b")));
        assertEquals(ServiceCommands.NO_PLANS, error(() -> plans.execute(null, "p")));
        assertEquals(ServiceCommands.NO_PLANS, error(() -> plans.fail(null, "p", "r")));
        assertEquals(ServiceCommands.NO_PLANS, error(() -> plans.cancel(null, "p", "r")));
        assertEquals(ServiceCommands.NO_PLANS, error(() -> plans.show(null, "p")));
        assertEquals(ServiceCommands.NO_PLANS, error(() -> plans.list(null)));
    }
}
