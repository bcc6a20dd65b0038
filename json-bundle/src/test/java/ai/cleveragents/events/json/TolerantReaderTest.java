package ai.cleveragents.events.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import org.junit.Test;

/** What a newer version may write: unknown fields and event types, skipped with a count or refused. */
public class TolerantReaderTest {

    private final DomainEvent event = DomainEvent.builder(EventType.PLAN_CREATED).planId("p-1")
            .detail("goal", "ship").build();
    private final String json = new EventCodec().encode(event);

    /** The event's JSON with fields a newer version might add: a scalar, an object, an array. */
    private String withNewFields() {
        return json.substring(0, json.length() - 1)
                + ",\"priority\":3,\"origin\":{\"node\":\"a\",\"tags\":[1,{\"x\":null}]},\"links\":[[],{}]}";
    }

    private String ofUnknownType() {
        return json.replace("\"plan.created\"", "\"plan.teleported\"");
    }

    @Test
    public void aTolerantCodecSkipsUnknownFieldsAndCountsThem() {
        EventCodec tolerant = EventCodec.tolerant();
        assertTrue(tolerant.isTolerant());
        assertEquals(event, tolerant.decode(withNewFields()));
        assertEquals(3, tolerant.skippedFields());
        assertEquals(event, tolerant.decode(json));
        assertEquals(3, tolerant.skippedFields());
    }

    @Test
    public void theStrictCodecStillRefusesThem() {
        EventCodec strict = new EventCodec();
        assertFalse(strict.isTolerant());
        EventCodecException e = assertThrows(EventCodecException.class, () -> strict.decode(withNewFields()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("unknown field 'priority' at line 1"));
        assertEquals(0, strict.skippedFields());
    }

    @Test
    public void anUnknownTypeIsNamedByEitherCodec() {
        for (EventCodec codec : new EventCodec[] {new EventCodec(), EventCodec.tolerant()}) {
            UnknownEventTypeException e = assertThrows(UnknownEventTypeException.class,
                    () -> codec.decode(ofUnknownType()));
            assertEquals("plan.teleported", e.eventType());
            assertTrue(e.getMessage(), e.getMessage().startsWith("field 'event_type': "));
        }
    }

    @Test
    public void aTolerantReaderSkipsLinesOfUnknownTypesWithACount() throws IOException {
        String lines = ofUnknownType() + "\n" + withNewFields() + "\n" + ofUnknownType() + "\n" + json + "\n";
        EventCodec codec = EventCodec.tolerant();
        try (JsonLinesReader reader = new JsonLinesReader(input(lines), codec)) {
            assertEquals(event, reader.next());
            assertEquals(1, reader.skippedEvents());
            assertEquals(event, reader.next());
            assertEquals(2, reader.skippedEvents());
            assertNull(reader.next());
            assertEquals(4, reader.lineNumber());
        }
        assertEquals(3, codec.skippedFields());
    }

    @Test
    public void aStrictReaderReportsTheLineOfAnUnknownTypeAndGoesOn() throws IOException {
        try (JsonLinesReader reader = new JsonLinesReader(input(ofUnknownType() + "\n" + json + "\n"),
                new EventCodec(EventCodec.DEFAULT_MAX_BYTES, false))) {
            EventCodecException e = assertThrows(EventCodecException.class, reader::next);
            assertTrue(e.getMessage(), e.getMessage().startsWith("line 1: field 'event_type': "));
            assertEquals(event, reader.next());
            assertEquals(0, reader.skippedEvents());
        }
    }

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
