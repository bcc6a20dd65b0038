package ai.cleveragents.events;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The closed catalogue of domain event types.
 *
 * <p>Each type has a dotted {@linkplain #id() id} such as {@code plan.phase_changed}; the part before
 * the dot is its {@linkplain #domain() domain}. Ids are the wire names used by the JSON codec, the
 * journal, the Gogo shell and the Event Admin bridge; they never change once released.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public enum EventType {
    PLAN_CREATED("plan.created"),
    PLAN_PHASE_CHANGED("plan.phase_changed"),
    PLAN_STARTED("plan.started"),
    PLAN_COMPLETED("plan.completed"),
    PLAN_FAILED("plan.failed"),
    PLAN_CANCELLED("plan.cancelled"),

    DECISION_CREATED("decision.created"),
    DECISION_SUPERSEDED("decision.superseded"),
    DECISION_REVERTED("decision.reverted"),

    ACTOR_REGISTERED("actor.registered"),
    ACTOR_INVOKED("actor.invoked"),
    ACTOR_COMPLETED("actor.completed"),
    ACTOR_FAILED("actor.failed"),

    TOOL_INVOKED("tool.invoked"),
    TOOL_COMPLETED("tool.completed"),
    TOOL_FAILED("tool.failed"),

    RESOURCE_CREATED("resource.created"),
    RESOURCE_UPDATED("resource.updated"),
    RESOURCE_DELETED("resource.deleted"),
    RESOURCE_ACCESSED("resource.accessed"),

    SANDBOX_CREATED("sandbox.created"),
    SANDBOX_COMMAND_EXECUTED("sandbox.command_executed"),
    SANDBOX_CHECKPOINTED("sandbox.checkpointed"),
    SANDBOX_DESTROYED("sandbox.destroyed"),

    VALIDATION_STARTED("validation.started"),
    VALIDATION_PASSED("validation.passed"),
    VALIDATION_FAILED("validation.failed"),

    SESSION_STARTED("session.started"),
    SESSION_RESUMED("session.resumed"),
    SESSION_ENDED("session.ended"),

    BUDGET_ALLOCATED("budget.allocated"),
    BUDGET_CONSUMED("budget.consumed"),
    BUDGET_THRESHOLD_REACHED("budget.threshold_reached"),
    BUDGET_EXCEEDED("budget.exceeded"),

    INVARIANT_CHECKED("invariant.checked"),
    INVARIANT_VIOLATED("invariant.violated"),

    CONTEXT_UPDATED("context.updated"),
    CONTEXT_COMPACTED("context.compacted");

    private static final Map<String, EventType> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::id, Function.identity()));

    private static final Set<String> IDS = Collections.unmodifiableSet(Arrays.stream(values())
            .map(EventType::id)
            .collect(Collectors.<String, Set<String>>toCollection(LinkedHashSet::new)));

    private static final Set<String> DOMAINS = Collections.unmodifiableSet(Arrays.stream(values())
            .map(EventType::domain)
            .collect(Collectors.<String, Set<String>>toCollection(LinkedHashSet::new)));

    private final String id;
    private final String domain;
    private final String shortName;

    EventType(String id) {
        this.id = id;
        int dot = id.indexOf('.');
        this.domain = id.substring(0, dot);
        this.shortName = id.substring(dot + 1);
    }

    /**
     * The dotted wire id, for example {@code plan.phase_changed}.
     *
     * @return the id, never {@code null}
     */
    public String id() {
        return id;
    }

    /**
     * The domain, the part of the id before the dot, for example {@code plan}.
     *
     * @return the domain, never {@code null}
     */
    public String domain() {
        return domain;
    }

    /**
     * The name within the domain, the part of the id after the dot, for example {@code phase_changed}.
     *
     * @return the name, never {@code null}
     */
    public String shortName() {
        return shortName;
    }

    /**
     * Parses a dotted id.
     *
     * @param id a dotted id such as {@code decision.created}
     * @return the matching type
     * @throws NullPointerException if {@code id} is {@code null}
     * @throws IllegalArgumentException if {@code id} is not one of the known ids; the message lists them
     */
    public static EventType fromId(String id) {
        if (id == null) {
            throw new NullPointerException("event type id is null");
        }
        EventType type = BY_ID.get(id);
        if (type == null) {
            throw new IllegalArgumentException(
                    "unknown event type '" + id + "'; valid ids: " + String.join(", ", IDS));
        }
        return type;
    }

    /**
     * Resolves a selector to the set of types it names. A selector is a dotted id
     * ({@code plan.created}), a whole domain ({@code plan.*}) or every type ({@code *}).
     *
     * @param selector the selector, surrounding white space ignored
     * @return the matching types, never empty
     * @throws NullPointerException if {@code selector} is {@code null}
     * @throws IllegalArgumentException if the selector names no known id or domain; the message lists
     *         the valid forms
     */
    public static Set<EventType> select(String selector) {
        if (selector == null) {
            throw new NullPointerException("event type selector is null");
        }
        String s = selector.trim();
        if (s.equals("*")) {
            return EnumSet.allOf(EventType.class);
        }
        if (s.endsWith(".*")) {
            String domain = s.substring(0, s.length() - 2);
            if (!DOMAINS.contains(domain)) {
                throw new IllegalArgumentException("unknown event domain '" + domain + "' in selector '"
                        + selector + "'; valid domains: " + String.join(", ", DOMAINS)
                        + " (use <domain>.*, an event type id, or *)");
            }
            EnumSet<EventType> result = EnumSet.noneOf(EventType.class);
            for (EventType t : values()) {
                if (t.domain.equals(domain)) {
                    result.add(t);
                }
            }
            return result;
        }
        return EnumSet.of(fromId(s));
    }

    /**
     * Every id, in declaration order.
     *
     * @return an unmodifiable set of ids, in declaration order
     */
    public static Set<String> ids() {
        return IDS;
    }

    /**
     * Every domain, in declaration order.
     *
     * @return an unmodifiable set of domains
     */
    public static Set<String> domains() {
        return DOMAINS;
    }

    @Override
    public String toString() {
        return id;
    }
}
