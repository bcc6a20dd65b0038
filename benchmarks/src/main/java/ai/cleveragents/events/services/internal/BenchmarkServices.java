package ai.cleveragents.events.services.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Set;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.dispatch.DispatchEngine;

/**
 * Fills a journal with the events of real plans and decisions, and rebuilds the services from it,
 * for the rebuild benchmark. It lives in the services' internal package because the bus reference is
 * package-private; this split package exists only on the benchmark class path and is never shipped.
 */
public final class BenchmarkServices {

    /** Events one {@link #write} round journals: plan.created, plan.started, 4 x plan.phase_changed, plan.completed, decision.created. */
    public static final int EVENTS_PER_PLAN = 8;

    /** The event types the plan service replays. */
    public static final Set<EventType> PLAN_TYPES = PlanLifecycleComponent.TYPES;

    private BenchmarkServices() {
    }

    /**
     * Creates and executes {@code plans} plans, recording one decision in each, on a bus whose stage
     * appends every event to {@code journal} before dispatch (as the reactive bus does).
     *
     * @param journal the journal to fill
     * @param plans   how many plans
     */
    public static void write(Journal journal, int plans) {
        DispatchEngine engine = new DispatchEngine("rebuild-benchmark", (event, emitter) -> {
            journal.append(event, emitter);
            return false;
        });
        PlanLifecycleComponent planService = new PlanLifecycleComponent(planConfig(), (Path) null);
        planService.bus = engine.view(null);
        DecisionComponent decisions = new DecisionComponent(decisionConfig(), planService, (Path) null);
        decisions.bus = planService.bus;
        for (int i = 0; i < plans; i++) {
            String id = planService.useAction("deploy", "bench", "s-1", "bench", null, null).planId();
            decisions.recordDecision(id, "model", "which model?", "small", "cheapest");
            planService.executePlan(id);
        }
        engine.close(() -> { }, 1_000);
    }

    /** @return the plan service rebuilt from {@code journal} (waited for), with the default configuration, deactivated */
    public static PlanLifecycleComponent rebuildPlans(EventJournal journal) {
        PlanLifecycleComponent plans = new PlanLifecycleComponent(planConfig(), (Path) null);
        plans.bindJournal(journal);
        plans.plans();
        plans.deactivate();
        return plans;
    }

    /**
     * Rebuilds the plan service from {@code journal} and, when there is one, its snapshot in {@code snapshots}
     * (a stop writes the snapshot there), and says how long the rebuild took until the service answered.
     *
     * @return the wall-clock time until the service answered, and its rebuild counters
     */
    public static String restartPlans(EventJournal journal, Path snapshots) {
        long start = System.nanoTime();
        PlanLifecycleComponent plans = new PlanLifecycleComponent(planConfig(), snapshots);
        plans.bindJournal(journal);
        int held = plans.plans().size();
        long millis = (System.nanoTime() - start) / 1_000_000;
        String counters = plans.metrics().entrySet().stream().filter(e -> e.getKey().startsWith("rebuild."))
                .map(Object::toString).collect(java.util.stream.Collectors.joining(" "));
        plans.deactivate();
        return millis + " ms until it answered (" + held + " plans held): " + counters;
    }

    /** @return the decision service rebuilt from {@code journal} (waited for), with the default configuration, deactivated */
    public static DecisionComponent rebuildDecisions(EventJournal journal) {
        DecisionComponent decisions = new DecisionComponent(decisionConfig(), new PlanLifecycleComponent(planConfig(), (Path) null), (Path) null);
        decisions.bindJournal(journal);
        decisions.decision(DomainEvent.newUlid());
        decisions.deactivate();
        return decisions;
    }

    private static PlanLifecycleComponent.Config planConfig() {
        return new PlanLifecycleComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PlanLifecycleComponent.Config.class;
            }

            @Override
            public int max_finished_plans() {
                return 1000;
            }

            @Override
            public long snapshot_every() {
                return 10_000;
            }
        };
    }

    private static DecisionComponent.Config decisionConfig() {
        return new DecisionComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DecisionComponent.Config.class;
            }

            @Override
            public int max_decisions() {
                return 10000;
            }

            @Override
            public long snapshot_every() {
                return 10_000;
            }
        };
    }
}
