package ai.cleveragents.events.services.internal;

import java.lang.annotation.Annotation;

/** Typed configurations as DS would build them. */
final class Configs {

    private Configs() {
    }

    static PlanLifecycleComponent.Config plan(int maxFinishedPlans) {
        return new PlanLifecycleComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PlanLifecycleComponent.Config.class;
            }

            @Override
            public int max_finished_plans() {
                return maxFinishedPlans;
            }
        };
    }

    static DecisionComponent.Config decision(int maxDecisions) {
        return new DecisionComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DecisionComponent.Config.class;
            }

            @Override
            public int max_decisions() {
                return maxDecisions;
            }
        };
    }
}
