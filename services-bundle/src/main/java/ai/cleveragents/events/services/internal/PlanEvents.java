package ai.cleveragents.events.services.internal;

import java.util.ArrayList;
import java.util.List;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanPhase;

/** The events describing a plan's creation and moves. */
final class PlanEvents {

    private PlanEvents() {
    }

    /** A {@code plan.created} builder; the caller adds {@code parameters}. */
    static DomainEvent.Builder created(String planId, String rootPlanId, String parentPlanId, String actionName,
            String projectName, String sessionId, String actorName) {
        return DomainEvent.builder(EventType.PLAN_CREATED)
                .planId(planId).rootPlanId(rootPlanId).correlationId(rootPlanId)
                .sessionId(sessionId).actorName(actorName).projectName(projectName)
                .detail("action", actionName)
                .detail("parent_plan_id", parentPlanId)
                .detail("phase", PlanPhase.CREATED.id());
    }

    /**
     * The events of a move from {@code before} to {@code after}, all timestamped {@code after.updatedAt()}
     * (so a rebuild from the journal restores it): {@code plan.started} first when it starts the plan,
     * then {@code plan.phase_changed} (with {@code reason} on a move to failed or cancelled), then the
     * final event when it ends the plan.
     */
    static List<DomainEvent> moved(Plan before, Plan after) {
        List<DomainEvent> events = new ArrayList<>(2);
        PlanPhase to = after.phase();
        if (to == PlanPhase.PLANNING) {
            events.add(about(EventType.PLAN_STARTED, after).build());
        }
        DomainEvent.Builder changed = about(EventType.PLAN_PHASE_CHANGED, after)
                .detail("from", before.phase().id())
                .detail("to", to.id());
        if (to == PlanPhase.FAILED || to == PlanPhase.CANCELLED) {
            changed.detail("reason", after.reason());
        }
        events.add(changed.build());
        if (to.isTerminal()) {
            events.add(finalEvent(before, after));
        }
        return events;
    }

    private static DomainEvent finalEvent(Plan before, Plan after) {
        switch (after.phase()) {
            case COMPLETED:
                return about(EventType.PLAN_COMPLETED, after).build();
            case FAILED:
                return ended(EventType.PLAN_FAILED, before, after);
            default:
                return ended(EventType.PLAN_CANCELLED, before, after);
        }
    }

    private static DomainEvent ended(EventType type, Plan before, Plan after) {
        return about(type, after).detail("from", before.phase().id()).detail("reason", after.reason()).build();
    }

    private static DomainEvent.Builder about(EventType type, Plan plan) {
        return DomainEvent.builder(type)
                .planId(plan.planId()).rootPlanId(plan.rootPlanId()).correlationId(plan.rootPlanId())
                .sessionId(plan.sessionId()).actorName(plan.actorName()).projectName(plan.projectName())
                .timestamp(plan.updatedAt())
                .detail("action", plan.actionName());
    }
}
