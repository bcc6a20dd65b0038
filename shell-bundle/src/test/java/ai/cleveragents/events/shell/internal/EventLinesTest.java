package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

public class EventLinesTest {

    static final String ID = "01JDK6Y2Q0A9W8ZKX6V4T3S2R1";

    @Test
    public void oneLineWithContextAndMaskedDetails() {
        DomainEvent event = DomainEvent.builder(EventType.PLAN_CREATED).eventId(ID)
                .timestamp(Instant.parse("2026-11-25T11:00:00Z")).planId("p-1").rootPlanId("r").sessionId("s")
                .actorName("a").projectName("x").detail("token", "t").detail("n", 1).build();
        assertEquals("2026-11-25T11:00:00Z plan.created " + ID
                + " plan=p-1 root_plan=r session=s actor=a project=x {\"token\":\"***\",\"n\":1}", EventLines.line(event));
        DomainEvent bare = DomainEvent.builder(EventType.TOOL_FAILED).eventId(ID)
                .timestamp(Instant.parse("2026-11-25T11:00:00Z")).build();
        assertEquals("2026-11-25T11:00:00Z tool.failed " + ID + " {}", EventLines.line(bare));
    }

    @Test
    public void selectorsAreTheShortestForm() {
        assertEquals("*", EventLines.selectors(EnumSet.allOf(EventType.class)));
        assertEquals("-", EventLines.selectors(Set.of()));
        Set<EventType> mixed = EnumSet.copyOf(EventType.select("plan.*"));
        mixed.add(EventType.TOOL_FAILED);
        assertEquals("plan.*,tool.failed", EventLines.selectors(mixed));
    }
}
