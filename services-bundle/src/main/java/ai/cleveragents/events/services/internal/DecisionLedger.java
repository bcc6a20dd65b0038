package ai.cleveragents.events.services.internal;

import static ai.cleveragents.events.services.internal.Arguments.requireText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionStatus;
import ai.cleveragents.events.services.IllegalTransitionException;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.UnknownIdException;

/**
 * The decisions in memory and their changes; the state behind
 * {@link ai.cleveragents.events.services.DecisionService}, whose Javadoc states the contract. Every
 * change validates first, then emits its event, then commits.
 */
final class DecisionLedger implements Ledger<DecisionLedger> {

    private final BusEmitter emitter;
    private final Function<String, Optional<Plan>> plans;
    private final EntryStore<Decision> store;
    /** decision ids per plan id, in recording order; guarded by itself */
    private final Map<String, List<String>> byPlan = new HashMap<>();
    private final DecisionFold fold;

    /**
     * @param emitter      emits on the bound bus
     * @param plans        looks plans up, for the context decisions carry
     * @param maxDecisions how many decisions to retain, oldest evicted first
     */
    DecisionLedger(BusEmitter emitter, Function<String, Optional<Plan>> plans, int maxDecisions) {
        this.emitter = emitter;
        this.plans = plans;
        this.store = new EntryStore<>(maxDecisions, this::unindex);
        this.fold = new DecisionFold(store, this::add);
    }

    @Override
    public Folded replay(DomainEvent event) {
        return fold.apply(event);
    }

    @Override
    public DecisionLedger emptyCopy() {
        return new DecisionLedger(emitter, plans, store.maxRetired());
    }

    /**
     * {@inheritDoc} Decisions are added in the order they were recorded; a decision it holds is kept as
     * it is (its state here is at least as new). The caller keeps changes out meanwhile.
     */
    @Override
    public int adoptMissing(DecisionLedger rebuilt) {
        return adopt(rebuilt.store.values());
    }

    @Override
    public List<DomainEvent> snapshotEntries() {
        List<DomainEvent> entries = new ArrayList<>();
        store.values().forEach(decision -> entries.add(SnapshotEntries.decision(decision)));
        return entries;
    }

    @Override
    public void restoreSnapshot(List<DomainEvent> entries) {
        List<Decision> decisions = new ArrayList<>(entries.size());
        for (DomainEvent entry : entries) {
            try {
                decisions.add(SnapshotEntries.decision(entry));
            } catch (NullPointerException e) {
                throw new SnapshotException("an entry is not a whole decision: it lacks " + e.getMessage());
            }
        }
        adopt(decisions);
    }

    private int adopt(List<Decision> decisions) {
        decisions.sort(Comparator.comparing(Decision::recordedAt).thenComparing(Decision::decisionId));
        int adopted = 0;
        for (Decision decision : decisions) {
            if (store.get(decision.decisionId()) == null) {
                add(decision);
                adopted++;
            }
        }
        return adopted;
    }

    Decision record(String planId, String decisionType, String question, String chosenOption, String rationale) {
        requireText(planId, "planId");
        requireText(decisionType, "decisionType");
        requireText(question, "question");
        requireText(chosenOption, "chosenOption");
        Plan plan = plans.apply(planId).orElseThrow(() -> new UnknownIdException("plan", planId));
        Decision decision = new Decision(DomainEvent.newUlid(), planId, plan.rootPlanId(), plan.sessionId(),
                plan.actorName(), plan.projectName(), decisionType, question, chosenOption, rationale,
                DecisionStatus.ACTIVE, null, null, null, Instant.now());
        emitter.emit(DecisionEvents.created(decision));
        add(decision);
        return decision;
    }

    Decision supersede(String decisionId, String newChosenOption, String rationale) {
        requireText(newChosenOption, "newChosenOption");
        Entry<Decision> entry = require(decisionId);
        entry.lock("decision " + decisionId);
        try {
            Decision old = requireActive(entry.value(), DecisionStatus.SUPERSEDED);
            Decision replacement = new Decision(DomainEvent.newUlid(), old.planId(), old.rootPlanId(),
                    old.sessionId(), old.actorName(), old.projectName(), old.decisionType(), old.question(),
                    newChosenOption, rationale, DecisionStatus.ACTIVE, old.decisionId(), null, null, Instant.now());
            emitter.emit(DecisionEvents.superseded(old, replacement));
            entry.set(changed(old, DecisionStatus.SUPERSEDED, replacement.decisionId(), null));
            add(replacement);
            return replacement;
        } finally {
            entry.unlock();
        }
    }

    Decision revert(String decisionId, String reason) {
        Entry<Decision> entry = require(decisionId);
        entry.lock("decision " + decisionId);
        try {
            Decision reverted = changed(requireActive(entry.value(), DecisionStatus.REVERTED),
                    DecisionStatus.REVERTED, null, reason);
            emitter.emit(DecisionEvents.reverted(reverted));
            entry.set(reverted);
            return reverted;
        } finally {
            entry.unlock();
        }
    }

    Optional<Decision> find(String decisionId) {
        Entry<Decision> entry = store.get(requireText(decisionId, "decisionId"));
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    List<Decision> forPlan(String planId) {
        requireText(planId, "planId");
        List<String> ids;
        synchronized (byPlan) {
            ids = new ArrayList<>(byPlan.getOrDefault(planId, List.of()));
        }
        List<Decision> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            Entry<Decision> entry = store.get(id);
            if (entry != null) {
                found.add(entry.value());
            }
        }
        return List.copyOf(found);
    }

    void resize(int maxDecisions) {
        store.resize(maxDecisions);
    }

    /** @return {@code decisions.retained} */
    Map<String, Long> counters() {
        return Map.of("decisions.retained", (long) store.size());
    }

    private void add(Decision decision) {
        store.add(decision.decisionId(), decision);
        synchronized (byPlan) {
            byPlan.computeIfAbsent(decision.planId(), p -> new ArrayList<>()).add(decision.decisionId());
        }
        store.retire(decision.decisionId());
    }

    private void unindex(Decision evicted) {
        synchronized (byPlan) {
            List<String> ids = byPlan.get(evicted.planId());
            ids.remove(evicted.decisionId());
            if (ids.isEmpty()) {
                byPlan.remove(evicted.planId());
            }
        }
    }

    private Entry<Decision> require(String decisionId) {
        Entry<Decision> entry = store.get(requireText(decisionId, "decisionId"));
        if (entry == null) {
            throw new UnknownIdException("decision", decisionId);
        }
        return entry;
    }

    private static Decision requireActive(Decision decision, DecisionStatus requested) {
        if (decision.status() != DecisionStatus.ACTIVE) {
            String verb = requested == DecisionStatus.SUPERSEDED ? "supersede" : "revert";
            throw new IllegalTransitionException(decision.decisionId(), decision.status().id(), requested.id(),
                    "cannot " + verb + " decision " + decision.decisionId() + ": it is already "
                            + decision.status().id() + "; only an active decision can be superseded or reverted");
        }
        return decision;
    }

    static Decision changed(Decision d, DecisionStatus status, String supersededBy, String reason) {
        return new Decision(d.decisionId(), d.planId(), d.rootPlanId(), d.sessionId(), d.actorName(),
                d.projectName(), d.decisionType(), d.question(), d.chosenOption(), d.rationale(), status,
                d.supersedes(), supersededBy, reason, d.recordedAt());
    }
}
