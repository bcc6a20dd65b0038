package ai.cleveragents.events.services.internal;

import static ai.cleveragents.events.services.internal.EventFields.allPresent;
import static ai.cleveragents.events.services.internal.EventFields.optionalText;
import static ai.cleveragents.events.services.internal.EventFields.text;

import java.util.function.Consumer;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionStatus;

/**
 * Folds journalled {@code decision.*} events into the decisions of a {@link DecisionLedger}, exactly as
 * the calls that emitted them changed it: {@code decision.created} records an active decision (its
 * timestamp is {@code recordedAt}), {@code decision.superseded} supersedes one and records its
 * replacement, {@code decision.reverted} reverts one. Applying an event twice changes nothing. The plan
 * context comes from the events themselves, so decisions of plans no longer retained are rebuilt too.
 * Never emits. Runs before the component is published, on one thread, so it takes no entry locks.
 */
final class DecisionFold {

    private final EntryStore<Decision> store;
    private final Consumer<Decision> add;

    /**
     * @param store the ledger's decisions
     * @param add   records a new decision in the ledger (store and per-plan index)
     */
    DecisionFold(EntryStore<Decision> store, Consumer<Decision> add) {
        this.store = store;
        this.add = add;
    }

    /**
     * @param event a journalled {@code decision.*} event
     * @return what applying it did
     * @throws ReplayException if it contradicts the decision rebuilt so far
     */
    Folded apply(DomainEvent event) {
        String id = text(event, "decision_id");
        if (id == null || !allPresent(event.planId(), event.rootPlanId(), event.sessionId(), event.actorName(),
                event.projectName(), text(event, "decision_type"), text(event, "question"),
                text(event, "chosen_option"))) {
            return Folded.FOREIGN;
        }
        Entry<Decision> entry = store.get(id);
        switch (event.eventType()) {
            case DECISION_CREATED:
                return entry != null ? Folded.DUPLICATE : created(event, id, null);
            case DECISION_SUPERSEDED:
                return entry == null ? Folded.ORPHAN : superseded(event, entry);
            default:
                return entry == null ? Folded.ORPHAN : reverted(event, entry);
        }
    }

    private Folded created(DomainEvent e, String id, String supersedes) {
        add.accept(new Decision(id, e.planId(), e.rootPlanId(), e.sessionId(), e.actorName(), e.projectName(),
                text(e, "decision_type"), text(e, "question"), text(e, "chosen_option"), optionalText(e, "rationale"),
                DecisionStatus.ACTIVE, supersedes, null, null, e.timestamp()));
        return Folded.APPLIED;
    }

    private Folded superseded(DomainEvent e, Entry<Decision> entry) {
        String by = text(e, "superseded_by");
        if (by == null) {
            return Folded.FOREIGN;
        }
        Decision old = entry.value();
        if (old.status() == DecisionStatus.SUPERSEDED && by.equals(old.supersededBy())) {
            return Folded.DUPLICATE;
        }
        requireActive(e, old);
        if (store.get(by) != null) {
            throw new ReplayException(e, "names as replacement a decision that already exists");
        }
        entry.set(DecisionLedger.changed(old, DecisionStatus.SUPERSEDED, by, null));
        return created(e, by, old.decisionId());
    }

    private Folded reverted(DomainEvent e, Entry<Decision> entry) {
        Decision d = entry.value();
        if (d.status() == DecisionStatus.REVERTED) {
            return Folded.DUPLICATE;
        }
        requireActive(e, d);
        entry.set(DecisionLedger.changed(d, DecisionStatus.REVERTED, null, optionalText(e, "reason")));
        return Folded.APPLIED;
    }

    private static void requireActive(DomainEvent e, Decision d) {
        if (d.status() != DecisionStatus.ACTIVE) {
            throw new ReplayException(e, "changes a decision that is already " + d.status().id()
                    + " (only an active decision can be superseded or reverted)");
        }
    }
}
