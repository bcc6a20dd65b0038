package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.redaction.TerminalText;

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
    public void secretsUnderHarmlessKeysAndInContextFieldsAreMasked() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl";
        DomainEvent event = DomainEvent.builder(EventType.TOOL_INVOKED).sessionId(jwt)
                .detail("pässword", "hunter2").detail("dsn", "postgres://u:pw@h/db")
                .detail("header", "Bearer abcdef123456").detail("prompt_tokens", 7).build();

        String line = EventLines.line(event);

        for (String secret : List.of(jwt, "hunter2", "pw@h", "abcdef123456")) {
            assertFalse(line, line.contains(secret));
        }
        assertTrue(line, line.contains("\"prompt_tokens\":7"));
    }

    @Test
    public void noEventCanForgeALineOrDriveTheTerminal() {
        for (String attack : TerminalTextCorpus.INJECTIONS) {
            DomainEvent event = DomainEvent.builder(EventType.TOOL_INVOKED).planId(attack).sessionId(attack)
                    .actorName(attack).projectName(attack).rootPlanId(attack).detail(attack, List.of(attack)).build();
            String line = EventLines.line(event);
            assertFalse(attack, line.chars().anyMatch(c -> TerminalText.isUnsafe((char) c)));
        }
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
