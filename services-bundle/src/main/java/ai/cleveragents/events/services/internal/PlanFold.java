package ai.cleveragents.events.services.internal;

import static ai.cleveragents.events.services.internal.EventFields.allPresent;
import static ai.cleveragents.events.services.internal.EventFields.optionalText;
import static ai.cleveragents.events.services.internal.EventFields.text;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanPhase;

/**
 * Folds journalled {@code plan.*} events into the plans of a {@link PlanLedger}, exactly as the calls
 * that emitted them changed it: {@code plan.created} adds a plan, {@code plan.phase_changed} moves it
 * under the phase rules (its timestamp is the plan's {@code updatedAt}, its {@code reason} the plan's
 * reason), {@code plan.failed} / {@code plan.cancelled} supply the reason for journals written before
 * {@code phase_changed} carried it. Applying an event twice changes nothing. Never emits. Runs before
 * the component is published, on one thread, so it takes no entry locks.
 */
final class PlanFold {

    private final EntryStore<Plan> store;

    PlanFold(EntryStore<Plan> store) {
        this.store = store;
    }

    /**
     * @param event a journalled {@code plan.*} event
     * @return what applying it did
     * @throws ReplayException if it contradicts the plan rebuilt so far
     */
    Folded apply(DomainEvent event) {
        switch (event.eventType()) {
            case PLAN_CREATED:
                return created(event);
            case PLAN_PHASE_CHANGED:
                return moved(event);
            case PLAN_FAILED:
                return ended(event, PlanPhase.FAILED);
            case PLAN_CANCELLED:
                return ended(event, PlanPhase.CANCELLED);
            default:
                return entry(event) == null ? Folded.ORPHAN : Folded.REDUNDANT;
        }
    }

    private Folded created(DomainEvent e) {
        String action = text(e, "action");
        if (!allPresent(e.planId(), e.rootPlanId(), e.projectName(), e.sessionId(), e.actorName(), action)
                || !PlanPhase.CREATED.id().equals(optionalText(e, "phase"))) {
            return Folded.FOREIGN;
        }
        if (store.get(e.planId()) != null) {
            return Folded.DUPLICATE;
        }
        store.add(e.planId(), new Plan(e.planId(), e.rootPlanId(), optionalText(e, "parent_plan_id"), action,
                e.projectName(), e.sessionId(), e.actorName(), EventFields.map(e, "parameters"), PlanPhase.CREATED,
                null, e.timestamp(), e.timestamp()));
        return Folded.APPLIED;
    }

    private Folded moved(DomainEvent e) {
        Entry<Plan> entry = entry(e);
        if (entry == null) {
            return Folded.ORPHAN;
        }
        PlanPhase from = phase(text(e, "from"));
        PlanPhase to = phase(text(e, "to"));
        if (from == null || to == null) {
            throw new ReplayException(e, "does not name known phases in its details from and to");
        }
        Plan current = entry.value();
        if (current.phase() == to) {
            return Folded.DUPLICATE;
        }
        if (current.phase() != from || !from.canMoveTo(to)) {
            throw new ReplayException(e, "moves its plan from " + from.id() + " to " + to.id() + " but the plan is "
                    + current.phase().id() + (from.canMoveTo(to) ? "" : ", and the phase rules forbid that move"));
        }
        entry.set(withPhase(current, to, optionalText(e, "reason"), e));
        if (to.isTerminal()) {
            store.retire(current.planId());
        }
        return Folded.APPLIED;
    }

    private Folded ended(DomainEvent e, PlanPhase phase) {
        Entry<Plan> entry = entry(e);
        if (entry == null) {
            return Folded.ORPHAN;
        }
        Plan current = entry.value();
        if (current.phase() != phase) {
            throw new ReplayException(e, "ends its plan as " + phase.id() + " but the plan is " + current.phase().id());
        }
        String reason = optionalText(e, "reason");
        if (current.reason() != null || reason == null) {
            return Folded.REDUNDANT;
        }
        entry.set(new Plan(current.planId(), current.rootPlanId(), current.parentPlanId(), current.actionName(),
                current.projectName(), current.sessionId(), current.actorName(), current.parameters(), phase,
                reason, current.createdAt(), current.updatedAt()));
        return Folded.APPLIED;
    }

    private Entry<Plan> entry(DomainEvent e) {
        return e.planId() == null ? null : store.get(e.planId());
    }

    private static Plan withPhase(Plan p, PlanPhase to, String reason, DomainEvent e) {
        return new Plan(p.planId(), p.rootPlanId(), p.parentPlanId(), p.actionName(), p.projectName(), p.sessionId(),
                p.actorName(), p.parameters(), to, reason, p.createdAt(), e.timestamp());
    }

    private static PlanPhase phase(String id) {
        for (PlanPhase phase : PlanPhase.values()) {
            if (phase.id().equals(id)) {
                return phase;
            }
        }
        return null;
    }
}
