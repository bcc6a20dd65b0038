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
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionService;
import ai.cleveragents.events.services.PlanLifecycleService;

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
 * The {@link DecisionService}: decisions in memory, rebuilt at activation from the {@link EventJournal}
 * when one is bound (see {@link Rebuild}, {@link DecisionFold}; an optional, dynamic, greedy reference,
 * as for {@link PlanLifecycleComponent}), the plan context taken from the
 * {@link PlanLifecycleService}, events on the best-ranked {@link EventBus} (see {@link BusEmitter}).
 * Also a {@link MetricsSource} named {@value #METRICS_NAME}.
 */
@Component(service = {DecisionService.class, MetricsSource.class}, configurationPid = DecisionComponent.PID,
        property = EventBusConstants.METRICS_NAME + "=" + DecisionComponent.METRICS_NAME)
@Designate(ocd = DecisionComponent.Config.class)
public final class DecisionComponent implements DecisionService, MetricsSource {

    /** The configuration PID. */
    public static final String PID = "ai.cleveragents.events.services.decision";

    /** The {@value EventBusConstants#METRICS_NAME} of this component's {@link MetricsSource}. */
    public static final String METRICS_NAME = "services.decision";

    /** Configuration of the decision service. */
    @ObjectClassDefinition(name = "CleverAgents decision service",
            description = "Record of the decisions taken during plans, held in memory and rebuilt from the journal at start.")
    public @interface Config {

        /**
         * @return how many decisions to keep
         */
        @AttributeDefinition(name = "Decisions kept", min = "0",
                description = "How many decisions (active, superseded or reverted) to keep in memory for look-ups"
                        + " and changes; beyond it the oldest recorded are forgotten.")
        int max_decisions() default 10000;

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
    static final Set<EventType> TYPES = EnumSet.of(EventType.DECISION_CREATED, EventType.DECISION_SUPERSEDED,
            EventType.DECISION_REVERTED);

    private static final Logger LOG = LoggerFactory.getLogger(DecisionComponent.class);

    private final BusEmitter emitter = new BusEmitter(() -> bus);
    private final Handover handover = Handover.decisions();
    private final DecisionLedger ledger;
    private final JournalBinding<DecisionLedger> journal;

    /**
     * @param config the configuration
     * @param plans  where the plans decisions are taken in live
     * @param context the bundle's context, for where the snapshot goes
     */
    @Activate
    public DecisionComponent(Config config, @Reference(name = "plans") PlanLifecycleService plans, BundleContext context) {
        this(config, plans, Snapshots.directory(context));
    }

    /**
     * @param config            the configuration
     * @param plans             the plan service
     * @param snapshotDirectory where the snapshot goes, or {@code null} for none
     */
    DecisionComponent(Config config, PlanLifecycleService plans, Path snapshotDirectory) {
        this.ledger = new DecisionLedger(emitter, plans::plan, config.max_decisions());
        this.journal = new JournalBinding<>("decision service", TYPES, handover, ledger,
                new Snapshots("decision service", "decisions", snapshotDirectory, config.snapshot_every()));
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
     * A journal went away: the decisions held stay in memory, and the next journal bound is merged in.
     *
     * @param journal the journal
     */
    void unbindJournal(EventJournal journal) {
        this.journal.unbind(journal);
        LOG.debug("decision service: the journal went away; the decisions held stay in memory until a journal is bound again");
    }

    /** Refuses changes from now on: a successor instance rebuilds from the journal. */
    @Deactivate
    void deactivate() {
        handover.close();
        journal.close();
    }

    /**
     * Applies a new configuration without losing the decisions held.
     *
     * @param config the new configuration
     */
    @Modified
    void modified(Config config) {
        ledger.resize(config.max_decisions());
    }

    @Override
    public Decision recordDecision(String planId, String decisionType, String question, String chosenOption,
            String rationale) {
        journal.awaitInitialRebuild();
        return handover.change(() -> ledger.record(planId, decisionType, question, chosenOption, rationale));
    }

    @Override
    public Decision supersedeDecision(String decisionId, String newChosenOption, String rationale) {
        journal.awaitInitialRebuild();
        return handover.change(() -> ledger.supersede(decisionId, newChosenOption, rationale));
    }

    @Override
    public Decision revertDecision(String decisionId, String reason) {
        journal.awaitInitialRebuild();
        return handover.change(() -> ledger.revert(decisionId, reason));
    }

    @Override
    public Optional<Decision> decision(String decisionId) {
        journal.awaitInitialRebuild();
        return ledger.find(decisionId);
    }

    @Override
    public List<Decision> decisionsForPlan(String planId) {
        journal.awaitInitialRebuild();
        return ledger.forPlan(planId);
    }

    /**
     * @return the emit counters ({@code emits.skipped}, {@code emits.redirected}, {@code emits.lost}),
     *         {@code decisions.retained} and the rebuild's counters ({@link Rebuild#counters()})
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
