package ai.cleveragents.events.examples.emitter.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.SwapSafeEmitter;
import ai.cleveragents.events.SwapSafeEmitter.Outcome;

/**
 * An emitting component: it binds the best-ranked bus greedily and dynamically, follows it across swaps,
 * and emits through {@link SwapSafeEmitter}, so an emit during a swap reaches the old or the new bus
 * exactly once and an emit with no bus is skipped, never an error.
 */
@Component(service = DeploymentNotifier.class)
public final class DeploymentNotifier {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus bus;

    private final SwapSafeEmitter emitter = new SwapSafeEmitter(() -> bus);

    /**
     * Emits {@code plan.completed} for a deployment.
     *
     * @param planId      the deployed plan
     * @param environment where it went, a detail of the event
     * @return {@link Outcome#EMITTED}, or {@link Outcome#NO_BUS} when no bus is present
     */
    public Outcome deployed(String planId, String environment) {
        return emitter.emit(DomainEvent.builder(EventType.PLAN_COMPLETED)
                .planId(planId)
                .detail("environment", environment)
                .build());
    }

    /** For tests: binds a bus as DS would. */
    void bind(EventBus bound) {
        this.bus = bound;
    }
}
