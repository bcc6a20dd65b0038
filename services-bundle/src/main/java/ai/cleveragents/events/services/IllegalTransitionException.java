package ai.cleveragents.events.services;

/**
 * Thrown when a plan or decision cannot make the requested move from where it stands: advancing,
 * failing or cancelling a plan in a final {@link PlanPhase}, or superseding or reverting a decision
 * that is no longer {@link DecisionStatus#ACTIVE}. Nothing was emitted and nothing changed.
 */
public class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String from;
    private final String to;

    /**
     * @param id      the plan or decision id
     * @param from    where it stands (a phase or status id)
     * @param to      where the call wanted to move it (a phase or status id, or {@code next})
     * @param message the full explanation, for a person
     */
    public IllegalTransitionException(String id, String from, String to, String message) {
        super(message);
        this.id = id;
        this.from = from;
        this.to = to;
    }

    /**
     * @return the plan or decision id
     */
    public String id() {
        return id;
    }

    /**
     * @return the phase or status it stands in, for example {@code completed} or {@code reverted}
     */
    public String from() {
        return from;
    }

    /**
     * @return the phase or status the call asked for, for example {@code cancelled} or {@code superseded};
     *         {@code next} for {@link PlanLifecycleService#advancePlan}
     */
    public String to() {
        return to;
    }
}
