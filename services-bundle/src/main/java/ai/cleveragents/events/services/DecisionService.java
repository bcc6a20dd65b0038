package ai.cleveragents.events.services;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records the decisions taken during a plan, and their later replacement or withdrawal, emitting a
 * domain event for each on the best-ranked {@link ai.cleveragents.events.EventBus} present.
 *
 * <p><b>Events.</b> Each carries the decision's plan, root plan, session, actor and project (taken from
 * the plan when the decision is recorded), has the root plan id as correlation id, and the details
 * {@code decision_id}, {@code decision_type}, {@code question}, {@code chosen_option} and
 * {@code rationale}, plus what is particular to it (see each method).
 *
 * <p><b>Atomicity and threading</b> are as for {@link PlanLifecycleService}: a change commits only once
 * the bus accepted its event (or no bus is bound); a journal refusal reaches the caller and changes
 * nothing; changes to one decision are serialised, and event handlers must not change the decision
 * whose event they are handling from the emitting thread.
 *
 * <p><b>Bad input</b> fails before anything is emitted or changed: a {@code null} or blank id or
 * required text with {@link IllegalArgumentException}, an unknown id with {@link UnknownIdException},
 * a change to a decision that is no longer {@link DecisionStatus#ACTIVE} with
 * {@link IllegalTransitionException}.
 */
@ProviderType
public interface DecisionService {

    /**
     * Records an {@link DecisionStatus#ACTIVE} decision taken in a plan and emits {@code decision.created}.
     *
     * @param planId       the plan, known to the {@link PlanLifecycleService}
     * @param decisionType what kind of decision, not blank
     * @param question     what was decided, not blank
     * @param chosenOption the option chosen, not blank
     * @param rationale    why, or {@code null}
     * @return the recorded decision, with a new ULID
     * @throws IllegalArgumentException if an id or required text is {@code null} or blank
     * @throws UnknownIdException       if {@code planId} names no known plan
     * @throws ai.cleveragents.events.EventRejectedException if the bus's journal refused the event
     */
    Decision recordDecision(String planId, String decisionType, String question, String chosenOption,
            String rationale);

    /**
     * Replaces an active decision with a new one for the same plan, type and question, and emits
     * {@code decision.superseded} about the old one: {@code decision_id} is the old id,
     * {@code superseded_by} the new id, {@code previous_option} the old choice, {@code chosen_option} and
     * {@code rationale} the new ones. The old decision becomes {@link DecisionStatus#SUPERSEDED}.
     *
     * @param decisionId      the decision to replace
     * @param newChosenOption the new choice, not blank
     * @param rationale       why, or {@code null}
     * @return the new, active decision ({@link Decision#supersedes()} is the old id)
     * @throws IllegalArgumentException   if an argument that must not be is {@code null} or blank
     * @throws UnknownIdException         if no such decision is known
     * @throws IllegalTransitionException if the decision was already superseded or reverted
     * @throws ai.cleveragents.events.EventRejectedException if the bus's journal refused the event
     */
    Decision supersedeDecision(String decisionId, String newChosenOption, String rationale);

    /**
     * Withdraws an active decision and emits {@code decision.reverted} with the extra detail
     * {@code reason}. The decision becomes {@link DecisionStatus#REVERTED}.
     *
     * @param decisionId the decision
     * @param reason     why, or {@code null}
     * @return the reverted decision
     * @throws IllegalArgumentException   if {@code decisionId} is {@code null} or blank
     * @throws UnknownIdException         if no such decision is known
     * @throws IllegalTransitionException if the decision was already superseded or reverted
     * @throws ai.cleveragents.events.EventRejectedException if the bus's journal refused the event
     */
    Decision revertDecision(String decisionId, String reason);

    /**
     * Looks a decision up. Decisions are retained up to a configured number, oldest evicted first.
     *
     * @param decisionId the decision
     * @return its latest snapshot, or empty if unknown
     * @throws IllegalArgumentException if {@code decisionId} is {@code null} or blank
     */
    Optional<Decision> decision(String decisionId);

    /**
     * @param planId the plan
     * @return the retained decisions taken in that plan, in the order they were recorded; empty if none
     * @throws IllegalArgumentException if {@code planId} is {@code null} or blank
     */
    List<Decision> decisionsForPlan(String planId);
}
