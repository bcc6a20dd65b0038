package ai.cleveragents.events.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates plans from named actions and moves them through their {@link PlanPhase phases}, emitting a
 * domain event for every change on the best-ranked {@link ai.cleveragents.events.EventBus} present.
 *
 * <p><b>Events.</b> Every event carries the plan id, root plan id, session, actor and project, has the
 * root plan id as correlation id, and the detail {@code action}. A move to {@link PlanPhase#PLANNING}
 * emits {@code plan.started} then {@code plan.phase_changed}; every other move emits
 * {@code plan.phase_changed} (details {@code from}, {@code to}: {@link PlanPhase#id()}) followed, for a
 * final phase, by {@code plan.completed}, {@code plan.failed} or {@code plan.cancelled}.
 *
 * <p><b>Atomicity.</b> A move commits only once the bus accepted all of its events. With no bus bound,
 * nothing is emitted and the move commits. If the bus's journal refuses an event
 * ({@link ai.cleveragents.events.EventRejectedException} with reason {@code JOURNAL_FAILURE}) the
 * exception reaches the caller and the plan stays where it was; an event of the move accepted before
 * the refusal stays journalled, so a retry may journal it twice (at-least-once).
 *
 * <p><b>Threading.</b> Thread-safe. Moves of one plan are serialised; moves of different plans run in
 * parallel. Event handlers run synchronously inside the call, before the move commits: they see the
 * plan as it was (the event carries the new state) and must not change the same plan from the emitting
 * thread, which fails with an {@link IllegalStateException}.
 *
 * <p><b>Bad input</b> fails before anything is emitted or changed: a {@code null} or blank id or name
 * with {@link IllegalArgumentException}, an unknown id with {@link UnknownIdException}, a move the phase
 * model forbids with {@link IllegalTransitionException}.
 */
@ProviderType
public interface PlanLifecycleService {

    /**
     * Creates a plan in phase {@link PlanPhase#CREATED} and emits {@code plan.created} with the details
     * {@code action}, {@code parameters}, {@code parent_plan_id} (or {@code null}) and {@code phase}.
     *
     * @param actionName   the action to plan, not blank
     * @param projectName  the project, not blank
     * @param sessionId    the session, not blank
     * @param actorName    the actor asking, not blank
     * @param parameters   the action's parameters, JSON-compatible as event details are; {@code null}
     *                     for none
     * @param parentPlanId the plan to create it under (the new plan joins the parent's tree: its root
     *                     plan id is the parent's), or {@code null} for a new top-level plan
     * @return the new plan
     * @throws IllegalArgumentException if a name or id is {@code null} or blank, or a parameter is not
     *                                  JSON-compatible (the message names it)
     * @throws UnknownIdException       if {@code parentPlanId} names no known plan
     * @throws ai.cleveragents.events.EventRejectedException if the bus's journal refused the event
     */
    Plan useAction(String actionName, String projectName, String sessionId, String actorName,
            Map<String, ?> parameters, String parentPlanId);

    /**
     * Moves a plan one phase along the successful path ({@link PlanPhase#next()}).
     *
     * @param planId the plan
     * @return the plan in its new phase
     * @throws IllegalArgumentException    if {@code planId} is {@code null} or blank
     * @throws UnknownIdException          if no such plan is known
     * @throws IllegalTransitionException  if the plan is in a final phase
     * @throws ai.cleveragents.events.EventRejectedException if the bus's journal refused an event
     */
    Plan advancePlan(String planId);

    /**
     * Moves a plan through every remaining phase to {@link PlanPhase#COMPLETED}, one move at a time.
     * Another thread may fail or cancel the plan between two moves: execution then stops there and the
     * failed or cancelled plan is returned.
     *
     * @param planId the plan
     * @return the plan in its final phase
     * @throws IllegalArgumentException    if {@code planId} is {@code null} or blank
     * @throws UnknownIdException          if no such plan is known
     * @throws IllegalTransitionException  if the plan is already in a final phase when called
     * @throws ai.cleveragents.events.EventRejectedException if the bus's journal refused an event; the
     *                                     moves made before it stay made
     */
    Plan executePlan(String planId);

    /**
     * Moves a plan that is not in a final phase to {@link PlanPhase#FAILED}: emits
     * {@code plan.phase_changed} then {@code plan.failed} (details {@code from}, {@code reason}).
     *
     * @param planId the plan
     * @param reason why, or {@code null}
     * @return the failed plan
     * @throws IllegalArgumentException    if {@code planId} is {@code null} or blank
     * @throws UnknownIdException          if no such plan is known
     * @throws IllegalTransitionException  if the plan is already in a final phase
     * @throws ai.cleveragents.events.EventRejectedException if the bus's journal refused an event
     */
    Plan failPlan(String planId, String reason);

    /**
     * Moves a plan that is not in a final phase to {@link PlanPhase#CANCELLED}: emits
     * {@code plan.phase_changed} then {@code plan.cancelled} (details {@code from}, {@code reason}).
     *
     * @param planId the plan
     * @param reason why, or {@code null}
     * @return the cancelled plan
     * @throws IllegalArgumentException    if {@code planId} is {@code null} or blank
     * @throws UnknownIdException          if no such plan is known
     * @throws IllegalTransitionException  if the plan is already in a final phase
     * @throws ai.cleveragents.events.EventRejectedException if the bus's journal refused an event
     */
    Plan cancelPlan(String planId, String reason);

    /**
     * Looks a plan up. Plans in a final phase are retained up to a configured number, oldest evicted
     * first; plans not in a final phase are always retained.
     *
     * @param planId the plan
     * @return its latest snapshot, or empty if it is unknown
     * @throws IllegalArgumentException if {@code planId} is {@code null} or blank
     */
    Optional<Plan> plan(String planId);

    /**
     * Every retained plan (see {@link #plan(String)} for what is retained), oldest first.
     *
     * @return a snapshot list, unmodifiable
     */
    List<Plan> plans();
}
