package ai.cleveragents.events.services;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The phases of a plan and the legal moves between them.
 *
 * <pre>
 * CREATED -&gt; PLANNING -&gt; EXECUTING -&gt; VALIDATING -&gt; COMPLETED
 * every phase that is not final -&gt; FAILED | CANCELLED
 * </pre>
 *
 * {@link #COMPLETED}, {@link #FAILED} and {@link #CANCELLED} are final: no move leaves them.
 */
public enum PlanPhase {
    /** Created by {@link PlanLifecycleService#useAction}, not started. */
    CREATED,
    /** Started: working out the steps. */
    PLANNING,
    /** Carrying out the steps. */
    EXECUTING,
    /** Checking the outcome. */
    VALIDATING,
    /** Final: finished successfully. */
    COMPLETED,
    /** Final: given up on after an error. */
    FAILED,
    /** Final: stopped on request. */
    CANCELLED;

    /**
     * @return the lower-case name used in event details, for example {@code planning}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return {@code true} for {@link #COMPLETED}, {@link #FAILED} and {@link #CANCELLED}
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /**
     * The phase {@link PlanLifecycleService#advancePlan} moves to from this one.
     *
     * @return the next phase on the successful path, or empty for a final phase
     */
    public Optional<PlanPhase> next() {
        switch (this) {
            case CREATED:
                return Optional.of(PLANNING);
            case PLANNING:
                return Optional.of(EXECUTING);
            case EXECUTING:
                return Optional.of(VALIDATING);
            case VALIDATING:
                return Optional.of(COMPLETED);
            default:
                return Optional.empty();
        }
    }

    /**
     * @return every phase this one may legally move to (empty for a final phase); a new, modifiable set
     */
    public Set<PlanPhase> successors() {
        if (isTerminal()) {
            return EnumSet.noneOf(PlanPhase.class);
        }
        EnumSet<PlanPhase> result = EnumSet.of(FAILED, CANCELLED);
        next().ifPresent(result::add);
        return result;
    }

    /**
     * @param target a phase
     * @return {@code true} if moving from this phase to {@code target} is legal
     */
    public boolean canMoveTo(PlanPhase target) {
        return successors().contains(target);
    }
}
