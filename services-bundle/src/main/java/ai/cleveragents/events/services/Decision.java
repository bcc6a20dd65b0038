package ai.cleveragents.events.services;

import java.time.Instant;
import java.util.Objects;

/**
 * An immutable snapshot of a recorded decision. Superseding or reverting it makes the service hold a
 * new snapshot; one already handed out never changes.
 *
 * <p>The plan context (root plan, session, actor, project) is copied from the plan when the decision
 * is recorded, so the decision's events carry it even after the plan itself is no longer retained.
 *
 * @param decisionId   ULID of the decision
 * @param planId       the plan it was taken in
 * @param rootPlanId   the root of that plan's tree
 * @param sessionId    the plan's session
 * @param actorName    the plan's actor
 * @param projectName  the plan's project
 * @param decisionType what kind of decision, for example {@code tool-choice}
 * @param question     what was decided
 * @param chosenOption the option chosen
 * @param rationale    why, or {@code null}
 * @param status       whether it is in force
 * @param supersedes   the decision this one replaced, or {@code null}
 * @param supersededBy the decision that replaced this one, or {@code null}
 * @param reason       why it was reverted, or {@code null}
 * @param recordedAt   when it was recorded
 */
public record Decision(String decisionId, String planId, String rootPlanId, String sessionId, String actorName,
        String projectName, String decisionType, String question, String chosenOption, String rationale,
        DecisionStatus status, String supersedes, String supersededBy, String reason, Instant recordedAt) {

    /**
     * @throws NullPointerException if a field other than {@code rationale}, {@code supersedes},
     *                              {@code supersededBy} or {@code reason} is {@code null}
     */
    public Decision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(rootPlanId, "rootPlanId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(actorName, "actorName");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(decisionType, "decisionType");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(chosenOption, "chosenOption");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
