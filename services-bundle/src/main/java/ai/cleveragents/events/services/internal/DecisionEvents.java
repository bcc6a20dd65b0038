package ai.cleveragents.events.services.internal;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.services.Decision;

/** The events describing a decision being recorded, superseded or reverted. */
final class DecisionEvents {

    private DecisionEvents() {
    }

    /** {@code decision.created}, timestamped with the decision's {@code recordedAt}. */
    static DomainEvent created(Decision decision) {
        return about(EventType.DECISION_CREATED, decision).timestamp(decision.recordedAt()).build();
    }

    /**
     * {@code decision.superseded} about {@code old}, naming the replacement and its choice, timestamped
     * with the replacement's {@code recordedAt}.
     */
    static DomainEvent superseded(Decision old, Decision replacement) {
        return about(EventType.DECISION_SUPERSEDED, old)
                .timestamp(replacement.recordedAt())
                .detail("superseded_by", replacement.decisionId())
                .detail("previous_option", old.chosenOption())
                .detail("chosen_option", replacement.chosenOption())
                .detail("rationale", replacement.rationale())
                .build();
    }

    static DomainEvent reverted(Decision reverted) {
        return about(EventType.DECISION_REVERTED, reverted).detail("reason", reverted.reason()).build();
    }

    private static DomainEvent.Builder about(EventType type, Decision d) {
        return DomainEvent.builder(type)
                .planId(d.planId()).rootPlanId(d.rootPlanId()).correlationId(d.rootPlanId())
                .sessionId(d.sessionId()).actorName(d.actorName()).projectName(d.projectName())
                .detail("decision_id", d.decisionId())
                .detail("decision_type", d.decisionType())
                .detail("question", d.question())
                .detail("chosen_option", d.chosenOption())
                .detail("rationale", d.rationale());
    }
}
