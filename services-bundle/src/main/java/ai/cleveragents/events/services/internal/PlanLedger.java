package ai.cleveragents.events.services.internal;

import java.util.List;
import java.util.Comparator;
import java.util.Collections;
import java.util.ArrayList;
import static ai.cleveragents.events.services.internal.Arguments.requireText;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.services.IllegalTransitionException;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanPhase;
import ai.cleveragents.events.services.UnknownIdException;

/**
 * The plans in memory and their moves; the state behind
 * {@link ai.cleveragents.events.services.PlanLifecycleService}, whose Javadoc states the contract.
 * Every change validates first, then emits its events, then commits: a refused event leaves the plan
 * as it was.
 */
final class PlanLedger implements Ledger<PlanLedger> {

    private final BusEmitter emitter;
    private final EntryStore<Plan> store;
    private final PlanFold fold;

    /**
     * @param emitter          emits on the bound bus
     * @param maxFinishedPlans how many plans in a final phase to retain
     */
    PlanLedger(BusEmitter emitter, int maxFinishedPlans) {
        this.emitter = emitter;
        this.store = new EntryStore<>(maxFinishedPlans, evicted -> { });
        this.fold = new PlanFold(store);
    }

    @Override
    public Folded replay(DomainEvent event) {
        return fold.apply(event);
    }

    @Override
    public PlanLedger emptyCopy() {
        return new PlanLedger(emitter, store.maxRetired());
    }

    /**
     * {@inheritDoc} A plan it holds is kept as it is (its state here is at least as new). Finished plans
     * are retired in the order of their last change.
     */
    @Override
    public int adoptMissing(PlanLedger rebuilt) {
        return adopt(rebuilt.store.values());
    }

    @Override
    public List<DomainEvent> snapshotEntries() {
        List<DomainEvent> entries = new ArrayList<>();
        store.values().forEach(plan -> entries.add(SnapshotEntries.plan(plan)));
        return entries;
    }

    @Override
    public void restoreSnapshot(List<DomainEvent> entries) {
        List<Plan> plans = new ArrayList<>(entries.size());
        for (DomainEvent entry : entries) {
            try {
                plans.add(SnapshotEntries.plan(entry));
            } catch (NullPointerException e) {
                throw new SnapshotException("an entry is not a whole plan: it lacks " + e.getMessage());
            }
        }
        adopt(plans);
    }

    private int adopt(List<Plan> plans) {
        plans.sort(Comparator.comparing(Plan::updatedAt).thenComparing(Plan::planId));
        int adopted = 0;
        for (Plan plan : plans) {
            if (store.adopt(plan.planId(), plan, plan.phase().isTerminal())) {
                adopted++;
            }
        }
        return adopted;
    }

    Plan create(String actionName, String projectName, String sessionId, String actorName,
            Map<String, ?> parameters, String parentPlanId) {
        requireText(actionName, "actionName");
        requireText(projectName, "projectName");
        requireText(sessionId, "sessionId");
        requireText(actorName, "actorName");
        String planId = DomainEvent.newUlid();
        String rootPlanId = parentPlanId == null ? planId : require(parentPlanId, "parentPlanId").value().rootPlanId();
        DomainEvent created = PlanEvents.created(planId, rootPlanId, parentPlanId, actionName, projectName,
                sessionId, actorName).detail("parameters", parameters == null ? Map.of() : parameters).build();
        @SuppressWarnings("unchecked") // DomainEvent deep-copies a Map detail into an unmodifiable Map<String, Object>
        Map<String, Object> copied = (Map<String, Object>) created.details().get("parameters");
        Instant now = created.timestamp();
        Plan plan = new Plan(planId, rootPlanId, parentPlanId, actionName, projectName, sessionId, actorName,
                copied, PlanPhase.CREATED, null, now, now);
        emitter.emit(created);
        store.add(planId, plan);
        return plan;
    }

    Plan advance(String planId) {
        Entry<Plan> entry = require(planId, "planId");
        entry.lock("plan " + planId);
        try {
            Plan current = entry.value();
            PlanPhase next = current.phase().next().orElseThrow(() -> finalPhase(current, "advance", "next"));
            return move(entry, current, next, null);
        } finally {
            entry.unlock();
        }
    }

    Plan execute(String planId) {
        Entry<Plan> entry = require(planId, "planId");
        Plan current = advance(planId);
        while (!current.phase().isTerminal()) {
            current = advanceUnlessFinal(entry);
        }
        return current;
    }

    /** One step of {@link #execute}: the plan may have been ended by another thread since the last step. */
    private Plan advanceUnlessFinal(Entry<Plan> entry) {
        entry.lock("plan " + entry.value().planId());
        try {
            Plan current = entry.value();
            Optional<PlanPhase> next = current.phase().next();
            return next.isPresent() ? move(entry, current, next.get(), null) : current;
        } finally {
            entry.unlock();
        }
    }

    Plan end(String planId, PlanPhase target, String reason) {
        Entry<Plan> entry = require(planId, "planId");
        entry.lock("plan " + planId);
        try {
            Plan current = entry.value();
            if (current.phase().isTerminal()) {
                throw finalPhase(current, target == PlanPhase.FAILED ? "fail" : "cancel", target.id());
            }
            return move(entry, current, target, reason);
        } finally {
            entry.unlock();
        }
    }

    Optional<Plan> find(String planId) {
        Entry<Plan> entry = store.get(requireText(planId, "planId"));
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** @return every retained plan, oldest first (creation time, then id) */
    List<Plan> all() {
        List<Plan> plans = new ArrayList<>(store.values());
        plans.sort(Comparator.comparing(Plan::createdAt).thenComparing(Plan::planId));
        return Collections.unmodifiableList(plans);
    }

    void resize(int maxFinishedPlans) {
        store.resize(maxFinishedPlans);
    }

    /** @return {@code plans.retained} and {@code plans.finished.retained} */
    Map<String, Long> counters() {
        return Map.of("plans.retained", (long) store.size(), "plans.finished.retained", (long) store.retiredCount());
    }

    /** Emits the move's events, then commits it; the caller holds the entry's lock. */
    private Plan move(Entry<Plan> entry, Plan current, PlanPhase to, String reason) {
        Plan moved = new Plan(current.planId(), current.rootPlanId(), current.parentPlanId(), current.actionName(),
                current.projectName(), current.sessionId(), current.actorName(), current.parameters(), to, reason,
                current.createdAt(), Instant.now());
        for (DomainEvent event : PlanEvents.moved(current, moved)) {
            emitter.emit(event);
        }
        entry.set(moved);
        if (to.isTerminal()) {
            store.retire(moved.planId());
        }
        return moved;
    }

    private Entry<Plan> require(String planId, String name) {
        Entry<Plan> entry = store.get(requireText(planId, name));
        if (entry == null) {
            throw new UnknownIdException("plan", planId);
        }
        return entry;
    }

    private static IllegalTransitionException finalPhase(Plan plan, String verb, String requested) {
        return new IllegalTransitionException(plan.planId(), plan.phase().id(), requested,
                "cannot " + verb + " plan " + plan.planId() + ": it is " + plan.phase().id()
                        + ", a final phase (final phases are completed, failed and cancelled)");
    }
}
