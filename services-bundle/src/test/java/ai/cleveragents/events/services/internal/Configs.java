package ai.cleveragents.events.services.internal;

import java.lang.annotation.Annotation;

/** Typed configurations as DS would build them. */
final class Configs {

    /** The default of both services. */
    static final long SNAPSHOT_EVERY = 10_000;

    private Configs() {
    }

    static PlanLifecycleComponent.Config plan(int maxFinishedPlans) {
        return plan(maxFinishedPlans, SNAPSHOT_EVERY);
    }

    static PlanLifecycleComponent.Config plan(int maxFinishedPlans, long snapshotEvery) {
        return new PlanLifecycleComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PlanLifecycleComponent.Config.class;
            }

            @Override
            public int max_finished_plans() {
                return maxFinishedPlans;
            }

            @Override
            public long snapshot_every() {
                return snapshotEvery;
            }
        };
    }

    static DecisionComponent.Config decision(int maxDecisions) {
        return decision(maxDecisions, SNAPSHOT_EVERY);
    }

    static DecisionComponent.Config decision(int maxDecisions, long snapshotEvery) {
        return new DecisionComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DecisionComponent.Config.class;
            }

            @Override
            public int max_decisions() {
                return maxDecisions;
            }

            @Override
            public long snapshot_every() {
                return snapshotEvery;
            }
        };
    }
}
