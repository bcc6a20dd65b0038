package ai.cleveragents.events.services;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of a plan. The service replaces it with a new snapshot on every phase change;
 * a snapshot already handed out never changes.
 *
 * @param planId       ULID of the plan
 * @param rootPlanId   ULID of the root of its plan tree: its own id for a top-level plan, the parent's
 *                     root for a child plan
 * @param parentPlanId the plan it was created under, or {@code null} for a top-level plan
 * @param actionName   the action it was created from
 * @param projectName  the project it belongs to
 * @param sessionId    the session it was created in
 * @param actorName    the actor that asked for it
 * @param parameters   the action's parameters: JSON-compatible, deeply unmodifiable when the service
 *                     built the snapshot, never {@code null}
 * @param phase        where it stands
 * @param reason       why it failed or was cancelled, or {@code null}
 * @param createdAt    when it was created
 * @param updatedAt    when its phase last changed (its creation time until then)
 */
public record Plan(String planId, String rootPlanId, String parentPlanId, String actionName,
        String projectName, String sessionId, String actorName, Map<String, Object> parameters,
        PlanPhase phase, String reason, Instant createdAt, Instant updatedAt) {

    /**
     * @throws NullPointerException if a field other than {@code parentPlanId}, {@code parameters} or
     *                              {@code reason} is {@code null}
     */
    public Plan {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(rootPlanId, "rootPlanId");
        Objects.requireNonNull(actionName, "actionName");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(actorName, "actorName");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        parameters = parameters == null ? Map.of() : parameters;
    }
}
