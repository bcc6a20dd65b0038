package ai.cleveragents.events.benchmarks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

/**
 * The events every benchmark sends, built once so that each peer gets the same event and the
 * measurement covers delivery, not construction.
 */
public final class Fixtures {

    /** The type of every benchmark event. */
    public static final EventType TYPE = EventType.PLAN_PHASE_CHANGED;

    private Fixtures() {
    }

    /** @return a typical event: context fields set and 5 detail keys */
    public static DomainEvent typical() {
        return DomainEvent.builder(TYPE)
                .timestamp(Instant.parse("2026-11-25T11:00:00.123456Z"))
                .planId("plan-7f3a").rootPlanId("plan-root-1").sessionId("session-42")
                .actorName("planner").projectName("cleveragents")
                .detail("from", "draft").detail("to", "running").detail("attempt", 2L)
                .detail("dry_run", false).detail("reason", "all prerequisites satisfied")
                .build();
    }

    /**
     * @param keys how many detail keys
     * @return an event like {@link #typical()} with {@code keys} detail entries
     */
    public static DomainEvent withDetails(int keys) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            details.put("key_" + i, i % 2 == 0 ? "value-" + i : (Object) (long) i);
        }
        return typical().toBuilder().details(details).build();
    }

    /** @return the large event of the codec benchmark: 1,000 detail keys */
    public static DomainEvent large() {
        return withDetails(1_000);
    }
}
