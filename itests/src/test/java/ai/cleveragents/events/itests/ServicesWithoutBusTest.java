package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionStatus;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanPhase;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Issue 6, case (1): with no bus installed the services are active, every call succeeds, nothing is emitted. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServicesWithoutBusTest extends ServicesTestSupport {

    private static final String PLAN_PID = "ai.cleveragents.events.services.plan";

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private MetaTypeService metaType;

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), servicesBundle()};
    }

    @Test
    public void servicesWorkAndEmitNothingWithoutABus() {
        assertNull(context.getServiceReference(EventBus.class));
        AtomicInteger delivered = new AtomicInteger();
        ServiceRegistration<EventHandler> counter = registerHandler(e -> delivered.incrementAndGet());
        long skippedBefore = servicesCounter("emits.skipped");
        try {
            Plan plan = plans.useAction("refactor", "proj", "sess-1", "alice", Map.of("file", "A.java"), null);
            Decision decision = decisions.recordDecision(plan.planId(), "tool", "which?", "sed", null);
            Decision replacement = decisions.supersedeDecision(decision.decisionId(), "awk", "columns");
            assertEquals(DecisionStatus.REVERTED, decisions.revertDecision(replacement.decisionId(), "no").status());
            assertEquals(PlanPhase.COMPLETED, plans.executePlan(plan.planId()).phase());
            Plan other = plans.useAction("build", "proj", "sess-1", "alice", null, plan.planId());
            assertEquals(PlanPhase.FAILED, plans.failPlan(other.planId(), "broken").phase());

            long skipped = servicesCounter("emits.skipped");
            assertEquals("1 + 6 plan events, 3 decision events, 1 + 2 plan events", 13, skipped - skippedBefore);
            assertEquals(0, delivered.get());
        } finally {
            counter.unregister();
        }
    }

    @Test
    public void retentionIsConfiguredThroughConfigAdminWithoutLosingState() throws Exception {
        Plan running = plans.useAction("long", "proj", "sess-1", "alice", null, null);
        plans.executePlan(plans.useAction("short", "proj", "sess-1", "alice", null, null).planId());
        assertTrue(planMetrics.metrics().get("plans.finished.retained") >= 1);

        org.osgi.service.cm.Configuration config = configAdmin.getConfiguration(PLAN_PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("max.finished.plans", 0);
        config.update(props);
        try {
            waitFor(() -> planMetrics.metrics().get("plans.finished.retained") == 0L);
            assertTrue("a configuration change keeps the plans held", plans.plan(running.planId()).isPresent());
        } finally {
            config.delete();
        }
    }

    @Test
    public void configurationIsDescribedByMetatype() {
        ObjectClassDefinition plan = metaType.getMetaTypeInformation(installedBundle("ai.cleveragents.events.services"))
                .getObjectClassDefinition(PLAN_PID, null);
        assertEquals("max.finished.plans", plan.getAttributeDefinitions(ObjectClassDefinition.ALL)[0].getID());
        ObjectClassDefinition decision = metaType.getMetaTypeInformation(installedBundle("ai.cleveragents.events.services"))
                .getObjectClassDefinition("ai.cleveragents.events.services.decision", null);
        assertEquals("max.decisions", decision.getAttributeDefinitions(ObjectClassDefinition.ALL)[0].getID());
    }

}
