package ai.cleveragents.events.benchmarks;

import java.util.Map;

import ai.cleveragents.events.DomainEvent;

/**
 * The benchmark event as the Typed Event specification wants it: a public class with public fields
 * (a DTO), which the Typed Event bus converts for each handler.
 */
public class EventDto {
    /** Topic under which the benchmark delivers it. */
    public static final String TOPIC = "cleveragents/plan/phase_changed";

    /** ULID. */
    public String eventId;
    /** Dotted type id. */
    public String eventType;
    /** ISO-8601 instant. */
    public String timestamp;
    /** ULID or request id. */
    public String correlationId;
    /** Context. */
    public String planId;
    /** Context. */
    public String rootPlanId;
    /** Context. */
    public String sessionId;
    /** Context. */
    public String actorName;
    /** Context. */
    public String projectName;
    /** Free-form details. */
    public Map<String, Object> details;

    /**
     * @param event the domain event
     * @return its DTO form
     */
    public static EventDto of(DomainEvent event) {
        EventDto dto = new EventDto();
        dto.eventId = event.eventId();
        dto.eventType = event.eventType().id();
        dto.timestamp = event.timestamp().toString();
        dto.correlationId = event.correlationId();
        dto.planId = event.planId();
        dto.rootPlanId = event.rootPlanId();
        dto.sessionId = event.sessionId();
        dto.actorName = event.actorName();
        dto.projectName = event.projectName();
        dto.details = event.details();
        return dto;
    }
}
