package ai.cleveragents.events.services.internal;

import java.util.Map;
import java.util.List;
import java.util.Optional;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanLifecycleService;
import ai.cleveragents.events.services.PlanPhase;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link PlanLifecycleService}: plans in memory, events on the best-ranked {@link EventBus} (see
 * {@link BusEmitter} for what happens during a swap). Also a {@link MetricsSource} named
 * {@value #METRICS_NAME}.
 */
@Component(service = {PlanLifecycleService.class, MetricsSource.class}, configurationPid = PlanLifecycleComponent.PID,
        property = EventBusConstants.METRICS_NAME + "=" + PlanLifecycleComponent.METRICS_NAME)
@Designate(ocd = PlanLifecycleComponent.Config.class)
public final class PlanLifecycleComponent implements PlanLifecycleService, MetricsSource {

    /** The configuration PID. */
    public static final String PID = "ai.cleveragents.events.services.plan";

    /** The {@value EventBusConstants#METRICS_NAME} of this component's {@link MetricsSource}. */
    public static final String METRICS_NAME = "services.plan";

    /** Configuration of the plan service. */
    @ObjectClassDefinition(name = "CleverAgents plan lifecycle service",
            description = "In-memory plans created from named actions and moved through their phases.")
    public @interface Config {

        /**
         * @return how many plans in a final phase to keep
         */
        @AttributeDefinition(name = "Finished plans kept", min = "0",
                description = "How many plans in a final phase (completed, failed, cancelled) to keep in memory for"
                        + " look-ups; beyond it the oldest finished are forgotten. Plans not yet finished are always kept.")
        int max_finished_plans() default 1000;
    }

    /** The best-ranked bus, or {@code null}; set by DS at any time. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventBus bus;

    private final BusEmitter emitter = new BusEmitter(() -> bus);
    private final PlanLedger ledger;

    /**
     * @param config the configuration
     */
    @Activate
    public PlanLifecycleComponent(Config config) {
        this.ledger = new PlanLedger(emitter, config.max_finished_plans());
    }

    /**
     * Applies a new configuration without losing the plans held.
     *
     * @param config the new configuration
     */
    @Modified
    void modified(Config config) {
        ledger.resize(config.max_finished_plans());
    }

    @Override
    public Plan useAction(String actionName, String projectName, String sessionId, String actorName,
            Map<String, ?> parameters, String parentPlanId) {
        return ledger.create(actionName, projectName, sessionId, actorName, parameters, parentPlanId);
    }

    @Override
    public Plan advancePlan(String planId) {
        return ledger.advance(planId);
    }

    @Override
    public Plan executePlan(String planId) {
        return ledger.execute(planId);
    }

    @Override
    public Plan failPlan(String planId, String reason) {
        return ledger.end(planId, PlanPhase.FAILED, reason);
    }

    @Override
    public Plan cancelPlan(String planId, String reason) {
        return ledger.end(planId, PlanPhase.CANCELLED, reason);
    }

    @Override
    public Optional<Plan> plan(String planId) {
        return ledger.find(planId);
    }

    @Override
    public List<Plan> plans() {
        return ledger.all();
    }

    /**
     * @return the emit counters ({@code emits.skipped}, {@code emits.redirected}, {@code emits.lost}) and
     *         {@code plans.retained}, {@code plans.finished.retained}
     */
    @Override
    public Map<String, Long> metrics() {
        return emitter.countersWith(ledger.counters());
    }
}
