package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionService;
import ai.cleveragents.events.services.DecisionStatus;
import ai.cleveragents.events.services.IllegalTransitionException;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanLifecycleService;
import ai.cleveragents.events.services.PlanPhase;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Issue 15, part 1: in a real Felix with SCR and the reactive bus writing its journal, the plans and
 * decisions are rebuilt from the journal when the services bundle, the bus, or both are restarted, and
 * they are then listed, looked up and advanced exactly as before, phase rules included.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServicesRebuildTest extends OsgiTestSupport {

    private static final String SERVICES = "ai.cleveragents.events.services";
    private static final String REACTIVE = "ai.cleveragents.events.bus.reactive";

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), reactiveBus(), servicesBundle()};
    }

    @Test
    public void plansAndDecisionsSurviveARestartOfTheServicesBundle() throws Exception {
        Fixture before = Fixture.create(service(PlanLifecycleService.class), service(DecisionService.class));

        restart(SERVICES);

        before.assertRebuiltIn(service(PlanLifecycleService.class), service(DecisionService.class));
        assertTrue("the stop wrote the snapshot and the restart started from it: " + metrics("services.plan"),
                metrics("services.plan").get("rebuild.snapshot.entries") >= 1);
        assertEquals(0L, (long) metrics("services.plan").get("rebuild.problems"));
        assertEquals(0L, (long) metrics("services.decision").get("rebuild.problems"));
    }

    @Test
    public void plansAndDecisionsSurviveARestartOfTheBusAndThenOfBoth() throws Exception {
        PlanLifecycleService plans = service(PlanLifecycleService.class);
        Fixture before = Fixture.create(plans, service(DecisionService.class));

        restart(REACTIVE);

        assertEquals("the same instance keeps serving while the journal comes and goes", plans,
                service(PlanLifecycleService.class));
        before.assertRebuiltIn(plans, service(DecisionService.class));

        installedBundle(SERVICES).stop();
        restart(REACTIVE);
        installedBundle(SERVICES).start();

        PlanLifecycleService rebuilt = service(PlanLifecycleService.class);
        assertNotSame(plans, rebuilt);
        before.assertRebuiltIn(rebuilt, service(DecisionService.class));
    }

    /** Plans in several phases and decisions in every status, and how they looked. */
    private record Fixture(Plan created, Plan executing, Plan done, Plan failed, Decision superseded,
            Decision replacement, Decision reverted, List<Plan> plans) {

        static Fixture create(PlanLifecycleService plans, DecisionService decisions) {
            Plan created = plans.useAction("refactor", "proj", "sess-1", "alice", Map.of("file", "A.java"), null);
            Plan executing = plans.useAction("deploy", "proj", "sess-1", "alice", null, created.planId());
            plans.advancePlan(executing.planId());
            executing = plans.advancePlan(executing.planId());
            Plan done = plans.executePlan(plans.useAction("test", "proj", "sess-1", "bob", null, null).planId());
            Plan failed = plans.failPlan(plans.useAction("lint", "proj", "sess-2", "bob", null, null).planId(), "oom");
            Decision old = decisions.recordDecision(created.planId(), "tool", "which tool?", "sed", "fast");
            Decision replacement = decisions.supersedeDecision(old.decisionId(), "awk", "columns");
            Decision reverted = decisions.revertDecision(
                    decisions.recordDecision(done.planId(), "model", "which?", "small", null).decisionId(), "cost");
            return new Fixture(created, executing, done, failed, decisions.decision(old.decisionId()).orElseThrow(),
                    replacement, reverted, plans.plans());
        }

        void assertRebuiltIn(PlanLifecycleService plans, DecisionService decisions) {
            assertTrue(plans.plans().containsAll(this.plans));
            assertEquals(executing, plans.plan(executing.planId()).orElseThrow());
            assertEquals(failed, plans.plan(failed.planId()).orElseThrow());
            assertEquals(List.of(superseded, replacement), decisions.decisionsForPlan(created.planId()));
            assertEquals(DecisionStatus.SUPERSEDED, superseded.status());
            assertEquals(reverted, decisions.decision(reverted.decisionId()).orElseThrow());
            assertThrows(IllegalTransitionException.class, () -> plans.advancePlan(done.planId()));
            assertThrows(IllegalTransitionException.class, () -> plans.cancelPlan(failed.planId(), "late"));
            assertThrows(IllegalTransitionException.class,
                    () -> decisions.revertDecision(superseded.decisionId(), "already superseded"));
        }
    }

    @Test
    public void aRebuiltPlanIsAdvancedAndDecidedOnAsBefore() throws Exception {
        PlanLifecycleService plans = service(PlanLifecycleService.class);
        Plan plan = plans.useAction("refactor", "proj", "sess-3", "carol", null, null);
        plans.advancePlan(plan.planId());

        restart(SERVICES);

        PlanLifecycleService rebuilt = service(PlanLifecycleService.class);
        assertEquals(PlanPhase.EXECUTING, rebuilt.advancePlan(plan.planId()).phase());
        Decision d = service(DecisionService.class).recordDecision(plan.planId(), "tool", "which?", "sed", null);
        assertEquals(plan.rootPlanId(), d.rootPlanId());
        assertEquals(PlanPhase.COMPLETED, rebuilt.executePlan(plan.planId()).phase());

        restart(SERVICES);

        assertEquals(PlanPhase.COMPLETED, service(PlanLifecycleService.class).plan(plan.planId()).orElseThrow().phase());
        assertEquals(List.of(d), service(DecisionService.class).decisionsForPlan(plan.planId()));
    }

    private void restart(String symbolicName) throws BundleException {
        Bundle bundle = installedBundle(symbolicName);
        bundle.stop();
        bundle.start();
    }

    private Map<String, Long> metrics(String name) throws InvalidSyntaxException {
        return service(MetricsSource.class, "(metrics.name=" + name + ")").metrics();
    }

    private <T> T service(Class<T> type) throws InvalidSyntaxException {
        return service(type, null);
    }

    /** Waits for the service and returns it; the test's bundle context keeps it got until the framework stops. */
    private <T> T service(Class<T> type, String filter) throws InvalidSyntaxException {
        waitFor(() -> {
            try {
                return !context.getServiceReferences(type, filter).isEmpty();
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        });
        ServiceReference<T> ref = context.getServiceReferences(type, filter).iterator().next();
        return context.getService(ref);
    }
}
