package ai.cleveragents.events.services.internal;

import java.util.EnumSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanLifecycleService;
import ai.cleveragents.events.services.PlanPhase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link PlanLifecycleService}: plans in memory, rebuilt at activation from the {@link EventJournal}
 * when one is registered (see {@link Rebuild}, {@link PlanFold}), events on the best-ranked
 * {@link EventBus} (see {@link BusEmitter} for what happens during a swap). Also a
 * {@link MetricsSource} named {@value #METRICS_NAME}.
 *
 * <p>The journal is an optional, dynamic, greedy reference: the plans are rebuilt when it is bound (at
 * activation if one is registered), stay in memory when it goes, and a journal bound later adds the
 * plans this instance does not hold (see {@link #bindJournal}). Without a journal, plans live in memory
 * only, as in 1.0.
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
            description = "Plans created from named actions and moved through their phases, held in memory and rebuilt from the journal at start.")
    public @interface Config {

        /**
         * @return how many plans in a final phase to keep
         */
        @AttributeDefinition(name = "Finished plans kept", min = "0",
                description = "How many plans in a final phase (completed, failed, cancelled) to keep in memory for"
                        + " look-ups; beyond it the oldest finished are forgotten. Plans not yet finished are always kept.")
        int max_finished_plans() default 1000;

        /**
         * @return after how many events the snapshot is written again; 0 for none
         */
        @AttributeDefinition(name = "Snapshot every", min = "0",
                description = "After how many journalled events of this service its snapshot (a compact state file in"
                        + " the bundle's storage area, written from the journal, verified against it at start) is"
                        + " written again; a restart replays only the journal after the snapshot. 0 turns snapshots off.")
        long snapshot_every() default 10000;
    }

    /** The best-ranked bus, or {@code null}; set by DS at any time. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventBus bus;

    /** The event types a rebuild replays. */
    static final Set<EventType> TYPES = EnumSet.of(EventType.PLAN_CREATED, EventType.PLAN_PHASE_CHANGED,
            EventType.PLAN_FAILED, EventType.PLAN_CANCELLED);

    private static final Logger LOG = LoggerFactory.getLogger(PlanLifecycleComponent.class);

    private final BusEmitter emitter = new BusEmitter(() -> bus);
    private final Handover handover = Handover.plans();
    private final PlanLedger ledger;
    private final JournalBinding<PlanLedger> journal;

    /**
     * @param config the configuration
     * @param context the bundle's context, for where the snapshot goes
     */
    @Activate
    public PlanLifecycleComponent(Config config, BundleContext context) {
        this(config, Snapshots.directory(context));
    }

    /**
     * @param config            the configuration
     * @param snapshotDirectory where the snapshot goes, or {@code null} for none
     */
    PlanLifecycleComponent(Config config, Path snapshotDirectory) {
        this.ledger = new PlanLedger(emitter, config.max_finished_plans());
        this.journal = new JournalBinding<>("plan service", TYPES, handover, ledger,
                new Snapshots("plan service", "plans", snapshotDirectory, config.snapshot_every()));
    }

    /**
     * Starts rebuilding from a journal now bound, on the component's rebuild thread (see
     * {@link JournalBinding}): the first one an instance sees before any call is served, a later one
     * merged in while it serves.
     *
     * @param journal the journal
     */
    @Reference(name = "journal", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindJournal(EventJournal journal) {
        this.journal.bind(journal);
    }

    /**
     * A journal went away: the plans held stay in memory, and the next journal bound is merged in.
     *
     * @param journal the journal
     */
    void unbindJournal(EventJournal journal) {
        this.journal.unbind(journal);
        LOG.debug("plan service: the journal went away; the plans held stay in memory until a journal is bound again");
    }

    /** Refuses changes from now on: a successor instance rebuilds from the journal. */
    @Deactivate
    void deactivate() {
        handover.close();
        journal.close();
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
        journal.awaitInitialRebuild();
        return handover.change(() -> ledger.create(actionName, projectName, sessionId, actorName, parameters, parentPlanId));
    }

    @Override
    public Plan advancePlan(String planId) {
        journal.awaitInitialRebuild();
        return handover.change(() -> ledger.advance(planId));
    }

    @Override
    public Plan executePlan(String planId) {
        journal.awaitInitialRebuild();
        return handover.change(() -> ledger.execute(planId));
    }

    @Override
    public Plan failPlan(String planId, String reason) {
        journal.awaitInitialRebuild();
        return handover.change(() -> ledger.end(planId, PlanPhase.FAILED, reason));
    }

    @Override
    public Plan cancelPlan(String planId, String reason) {
        journal.awaitInitialRebuild();
        return handover.change(() -> ledger.end(planId, PlanPhase.CANCELLED, reason));
    }

    @Override
    public Optional<Plan> plan(String planId) {
        journal.awaitInitialRebuild();
        return ledger.find(planId);
    }

    @Override
    public List<Plan> plans() {
        journal.awaitInitialRebuild();
        return ledger.all();
    }

    /**
     * @return the emit counters ({@code emits.skipped}, {@code emits.redirected}, {@code emits.lost}),
     *         {@code plans.retained}, {@code plans.finished.retained} and the rebuild's counters
     *         ({@link Rebuild#counters()})
     */
    @Override
    public Map<String, Long> metrics() {
        Map<String, Long> own = new TreeMap<>(ledger.counters());
        own.putAll(journal.counters());
        return emitter.countersWith(own);
    }

    /** @return the problems the rebuild named, for tests */
    List<String> rebuildProblems() {
        return journal.problems();
    }

    /** Waits until the rebuilds started so far have been applied, for tests. */
    void awaitRebuilds() throws InterruptedException {
        journal.awaitRebuilds();
    }
}
