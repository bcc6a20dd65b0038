package ai.cleveragents.events.json;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import org.junit.Test;

public class EventCodecTest {

    private static final String ID = "01JDQ7J9Z0ABCDEFGHJKMNPQRS";
    private static final String CID = "01JDQ7J9Z0ABCDEFGHJKMNPQRT";

    private final EventCodec codec = new EventCodec();

    /** Details exercising every value kind, nested, with numbers at the edges of their ranges. */
    static Map<String, Object> nestedDetails(EventType type) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("null", null);
        inner.put("flag", false);
        inner.put("list", Arrays.asList(1, -2L, 2.5, null, "s", List.of(), Map.of()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", type.id());
        details.put("unicode", "é ✓ 𝄞 \"quoted\" \\ \n\t\u0001");
        details.put("long", Long.MIN_VALUE);
        details.put("bigInteger", BigInteger.TEN.pow(30));
        details.put("double", 1.0E-300);
        details.put("wholeDouble", 3.0);
        details.put("bigDecimal", new BigDecimal("3.14159265358979323846264338327950288"));
        details.put("hugeDecimal", new BigDecimal("1E+400"));
        details.put("negativeZero", -0.0);
        details.put("nested", Map.of("inner", inner, "deeper", List.of(List.of(List.of(Map.of("x", true))))));
        details.put("", "empty key");
        return details;
    }

    @Test
    public void everyTypeRoundTripsLosslesslyWithNestedDetails() {
        for (EventType type : EventType.values()) {
            DomainEvent event = DomainEvent.builder(type)
                    .timestamp(Instant.parse("2026-11-25T11:00:00.123456789Z"))
                    .planId("p-" + type.ordinal())
                    .rootPlanId("root")
                    .sessionId("s-1")
                    .actorName("actor ✓")
                    .projectName("demo")
                    .details(nestedDetails(type))
                    .build();
            String json = codec.encode(event);
            DomainEvent decoded = codec.decode(json);
            assertEquals(type.id(), event, decoded);
            assertEquals(event, codec.decode(json.getBytes(StandardCharsets.UTF_8)));
            assertEquals("re-encoding changes nothing", json, codec.encode(decoded));
        }
    }

    @Test
    public void theDeepestDetailsAnEventMayHoldRoundTrip() {
        List<Object> deepest = List.of();
        for (int level = 3; level < EventCodec.MAX_DEPTH; level++) {
            deepest = List.of(deepest);
        }
        DomainEvent event = DomainEvent.builder(EventType.CONTEXT_UPDATED).detail("a", deepest).build();
        assertEquals(event, codec.decode(codec.encode(event)));
    }

    @Test
    public void minimalEventsRoundTrip() {
        for (EventType type : EventType.values()) {
            DomainEvent event = DomainEvent.of(type);
            assertEquals(event, codec.decode(codec.encodeToBytes(event)));
        }
    }

    @Test
    public void encodesTheDocumentedWireFormat() {
        DomainEvent event = DomainEvent.builder(EventType.PLAN_CREATED).eventId(ID).correlationId(CID)
                .timestamp(Instant.parse("2026-11-25T11:00:00.123456Z")).planId("p-1").build();
        assertEquals("{\"event_id\":\"" + ID + "\",\"event_type\":\"plan.created\","
                + "\"timestamp\":\"2026-11-25T11:00:00.123456Z\",\"correlation_id\":\"" + CID + "\","
                + "\"plan_id\":\"p-1\",\"root_plan_id\":null,\"session_id\":null,\"actor_name\":null,"
                + "\"project_name\":null,\"details\":{}}", codec.encode(event));
    }

    @Test
    public void encodingIsOneLine() {
        DomainEvent event = DomainEvent.builder(EventType.TOOL_FAILED).detail("error", "line 1\nline 2\r\n").build();
        String json = codec.encode(event);
        assertFalse(json.contains("\n"));
        assertFalse(json.contains("\r"));
    }

    @Test
    public void encodeToStreamWritesTheSameBytesAndLeavesTheStreamOpen() {
        DomainEvent event = DomainEvent.builder(EventType.TOOL_FAILED).detail("a", 1).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encode(event, out);
        codec.encode(event, out);
        byte[] one = codec.encodeToBytes(event);
        byte[] two = Arrays.copyOf(one, one.length * 2);
        System.arraycopy(one, 0, two, one.length, one.length);
        assertArrayEquals(two, out.toByteArray());
    }

    @Test
    public void encodeReportsAFailingStream() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> codec.encode(DomainEvent.of(EventType.TOOL_FAILED), broken));
        assertEquals("disk full", e.getCause().getMessage());
    }

    @Test
    public void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> codec.encode(null));
        assertThrows(NullPointerException.class, () -> codec.encode(DomainEvent.of(EventType.TOOL_FAILED), null));
        assertThrows(NullPointerException.class, () -> codec.decode((String) null));
        assertThrows(NullPointerException.class, () -> codec.decode((byte[]) null));
    }

    @Test
    public void theLimitDefaultsTo1MiBAndMustBePositive() {
        assertEquals(1 << 20, codec.maxBytes());
        assertEquals(EventCodec.DEFAULT_MAX_BYTES, codec.maxBytes());
        assertEquals(100, new EventCodec(100).maxBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EventCodec(0));
        assertEquals("maxBytes must be positive, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EventCodec(-1));
    }

    @Test
    public void inputAtTheLimitIsAcceptedAndOneByteMoreIsNot() {
        byte[] json = codec.encodeToBytes(DomainEvent.builder(EventType.TOOL_FAILED).detail("é", "✓").build());
        EventCodec exact = new EventCodec(json.length);
        assertEquals(codec.decode(json), exact.decode(json));
        assertEquals(codec.decode(json), exact.decode(new String(json, StandardCharsets.UTF_8)));

        EventCodec smaller = new EventCodec(json.length - 1);
        String expected = "input of " + json.length + " bytes exceeds the limit of " + (json.length - 1) + " bytes";
        assertEquals(expected, assertThrows(EventCodecException.class, () -> smaller.decode(json)).getMessage());
        assertEquals(expected, assertThrows(EventCodecException.class,
                () -> smaller.decode(new String(json, StandardCharsets.UTF_8))).getMessage());
    }

    @Test
    public void theStringLimitCountsUtf8BytesNotChars() {
        String json = codec.encode(DomainEvent.builder(EventType.TOOL_FAILED).detail("s", "✓✓✓✓𝄞").build());
        int utf8 = json.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(utf8 > json.length());
        EventCodecException e = assertThrows(EventCodecException.class,
                () -> new EventCodec(json.length()).decode(json));
        assertEquals("input of " + utf8 + " bytes exceeds the limit of " + json.length() + " bytes", e.getMessage());
        assertEquals(codec.decode(json), new EventCodec(utf8).decode(json));
    }

    @Test
    public void decodesARangeOfABuffer() {
        DomainEvent event = DomainEvent.of(EventType.BUDGET_EXCEEDED);
        byte[] json = codec.encodeToBytes(event);
        byte[] padded = new byte[json.length + 10];
        Arrays.fill(padded, (byte) '#');
        System.arraycopy(json, 0, padded, 5, json.length);
        assertEquals(event, codec.decode(padded, 5, json.length));
        assertThrows(IndexOutOfBoundsException.class, () -> codec.decode(padded, 5, padded.length));
        assertThrows(IndexOutOfBoundsException.class, () -> codec.decode(padded, -1, 2));
    }

    @Test
    public void contextFieldsMayBeAbsentOrNullAndDetailsAbsent() {
        String json = "{\"event_id\":\"" + ID + "\",\"event_type\":\"context.compacted\","
                + "\"timestamp\":\"2026-11-25T11:00:00Z\",\"correlation_id\":\"request-7\",\"session_id\":null}";
        DomainEvent event = codec.decode(json);
        assertEquals(new DomainEvent(ID, EventType.CONTEXT_COMPACTED, Instant.parse("2026-11-25T11:00:00Z"),
                "request-7", null, null, null, null, null, Map.of()), event);
    }

    @Test
    public void fieldOrderDoesNotMatterAndWhiteSpaceIsAllowed() {
        String json = " {\n \"details\" : { \"n\" : 1 , \"f\" : 1.5 } ,\r\n \"correlation_id\":\"" + CID + "\","
                + "\"timestamp\":\"2026-11-25T11:00:00Z\", \"event_type\":\"tool.invoked\",\"event_id\":\"" + ID
                + "\"}\n";
        DomainEvent event = codec.decode(json);
        assertEquals(EventType.TOOL_INVOKED, event.eventType());
        assertEquals(Map.of("n", 1L, "f", 1.5), event.details());
    }

    @Test
    public void decodedNumbersAreNormalisedLikeBuiltOnes() {
        String json = "{\"event_id\":\"" + ID + "\",\"event_type\":\"tool.invoked\",\"timestamp\":\"2026-11-25T11:00:00Z\","
                + "\"correlation_id\":\"" + CID + "\",\"details\":{\"i\":1,\"big\":123456789012345678901234567890,"
                + "\"d\":0.1,\"e\":1e3,\"precise\":0.12345678901234567890123456789}}";
        Map<String, Object> details = codec.decode(json).details();
        assertEquals(1L, details.get("i"));
        assertEquals(new BigInteger("123456789012345678901234567890"), details.get("big"));
        assertEquals(0.1, details.get("d"));
        assertEquals(1000.0, details.get("e"));
        assertEquals(new BigDecimal("0.12345678901234567890123456789"), details.get("precise"));
    }

    @Test
    public void decodedDetailsAreImmutable() {
        DomainEvent event = codec.decode(codec.encode(DomainEvent.builder(EventType.TOOL_INVOKED)
                .detail("list", List.of(1)).build()));
        assertThrows(UnsupportedOperationException.class, () -> event.details().put("x", 1));
    }

    @Test
    public void anUnknownTypeIsReportedWithTheValidIds() {
        String json = "{\"event_id\":\"" + ID + "\",\"event_type\":\"plan.exploded\"}";
        EventCodecException e = assertThrows(EventCodecException.class, () -> codec.decode(json));
        assertTrue(e.getMessage(), e.getMessage().startsWith("field 'event_type': unknown event type 'plan.exploded'"));
        assertTrue(e.getMessage(), e.getMessage().contains(String.join(", ", EventType.ids())));
        assertTrue(e.getMessage(), e.getMessage().endsWith("at line 1, column 70"));
    }

    @Test
    public void errorsSayWhere() {
        String json = "{\n\"event_id\": 5\n}";
        EventCodecException e = assertThrows(EventCodecException.class, () -> codec.decode(json));
        assertEquals("field 'event_id' must be a string, got a number at line 2, column 14", e.getMessage());
        EventCodecException malformed = assertThrows(EventCodecException.class, () -> codec.decode("{\n\n  x"));
        assertTrue(malformed.getMessage(), malformed.getMessage().startsWith("malformed JSON: "));
        assertTrue(malformed.getMessage(), malformed.getMessage().endsWith(" at line 3, column 3"));
    }
}
