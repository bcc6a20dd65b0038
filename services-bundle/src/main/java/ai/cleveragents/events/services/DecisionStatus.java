package ai.cleveragents.events.services;

import java.util.Locale;

/**
 * Where a {@link Decision} stands. Only an {@link #ACTIVE} decision may be superseded or reverted;
 * {@link #SUPERSEDED} and {@link #REVERTED} are final.
 */
public enum DecisionStatus {
    /** In force. */
    ACTIVE,
    /** Replaced by a newer decision ({@link Decision#supersededBy()}). */
    SUPERSEDED,
    /** Withdrawn ({@link Decision#reason()} says why). */
    REVERTED;

    /**
     * @return the lower-case name used in messages, for example {@code reverted}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
