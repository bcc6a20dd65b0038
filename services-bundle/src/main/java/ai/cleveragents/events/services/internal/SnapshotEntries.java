package ai.cleveragents.events.services.internal;

import static ai.cleveragents.events.services.internal.EventFields.optionalText;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionStatus;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanPhase;

/**
 * How a plan or a decision is written in a snapshot: as one event of the wire format (a
 * {@code plan.created} or {@code decision.created} carrying every field of the record in its context
 * fields and details), so the snapshot is read and written by the strict event codec, with its escaping
 * and limits. These events only ever live in snapshot files, never on a bus or in the journal.
 */
final class SnapshotEntries {

    private SnapshotEntries() {
    }

    static DomainEvent plan(Plan p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("action", p.actionName());
        putIfPresent(d, "parent_plan_id", p.parentPlanId());
        d.put("parameters", p.parameters());
        d.put("phase", p.phase().id());
        putIfPresent(d, "reason", p.reason());
        d.put("updated_at", p.updatedAt().toString());
        return DomainEvent.builder(EventType.PLAN_CREATED).timestamp(p.createdAt()).planId(p.planId())
                .rootPlanId(p.rootPlanId()).projectName(p.projectName()).sessionId(p.sessionId())
                .actorName(p.actorName()).details(d).build();
    }

    static Plan plan(DomainEvent e) {
        return new Plan(e.planId(), e.rootPlanId(), optionalText(e, "parent_plan_id"), optionalText(e, "action"),
                e.projectName(), e.sessionId(), e.actorName(), EventFields.map(e, "parameters"),
                byId(PlanPhase.values(), optionalText(e, "phase"), PlanPhase::id), optionalText(e, "reason"),
                e.timestamp(), instant(e, "updated_at"));
    }

    static DomainEvent decision(Decision x) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("decision_id", x.decisionId());
        d.put("decision_type", x.decisionType());
        d.put("question", x.question());
        d.put("chosen_option", x.chosenOption());
        putIfPresent(d, "rationale", x.rationale());
        d.put("status", x.status().id());
        putIfPresent(d, "supersedes", x.supersedes());
        putIfPresent(d, "superseded_by", x.supersededBy());
        putIfPresent(d, "reason", x.reason());
        return DomainEvent.builder(EventType.DECISION_CREATED).timestamp(x.recordedAt()).planId(x.planId())
                .rootPlanId(x.rootPlanId()).projectName(x.projectName()).sessionId(x.sessionId())
                .actorName(x.actorName()).details(d).build();
    }

    static Decision decision(DomainEvent e) {
        return new Decision(optionalText(e, "decision_id"), e.planId(), e.rootPlanId(), e.sessionId(), e.actorName(),
                e.projectName(), optionalText(e, "decision_type"), optionalText(e, "question"),
                optionalText(e, "chosen_option"), optionalText(e, "rationale"),
                byId(DecisionStatus.values(), optionalText(e, "status"), DecisionStatus::id),
                optionalText(e, "supersedes"), optionalText(e, "superseded_by"), optionalText(e, "reason"),
                e.timestamp());
    }

    private static void putIfPresent(Map<String, Object> details, String key, String value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    private static Instant instant(DomainEvent e, String key) {
        String text = optionalText(e, key);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException ex) {
            throw new SnapshotException("an entry's " + key + " is not an instant");
        }
    }

    private static <T> T byId(T[] values, String id, java.util.function.Function<T, String> idOf) {
        return Arrays.stream(values).filter(v -> idOf.apply(v).equals(id)).findFirst().orElse(null);
    }
}
