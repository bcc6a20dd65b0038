package com.example.plain;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.json.EventCodecException;

public class AuditFileTest {

    @Test
    public void noOsgiIsOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.osgi.framework.Bundle"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.osgi.annotation.versioning.ProviderType"));
    }

    @Test
    public void eventsRoundTripThroughAJsonLinesFile() throws Exception {
        Path file = Files.createTempFile("audit", ".jsonl");
        try {
            AuditFile audit = new AuditFile(file);
            DomainEvent created = DomainEvent.builder(EventType.PLAN_CREATED).planId("p-1").detail("name", "demo").build();
            DomainEvent invoked = DomainEvent.builder(EventType.TOOL_INVOKED).planId("p-1")
                    .correlationId(created.correlationId()).detail("tool", "git").detail("args", List.of("status")).build();
            audit.append(List.of(created, invoked));
            assertEquals(List.of(created, invoked), audit.readAll());
            assertTrue(Files.readString(file).startsWith("{\"event_id\":\"" + created.eventId() + "\""));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    public void badInputIsAClearError() throws Exception {
        Path file = Files.createTempFile("audit", ".jsonl");
        try {
            Files.writeString(file, "{\"event_id\":\"01K0000000000000000000000A\"}\n");
            EventCodecException e = assertThrows(EventCodecException.class, () -> new AuditFile(file).readAll());
            assertEquals("missing required field 'event_type'", e.getMessage());
        } finally {
            Files.delete(file);
        }
    }
}
