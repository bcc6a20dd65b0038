package ai.cleveragents.events.json;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.junit.Test;

/**
 * The encoder writes bytes itself instead of through a Jackson generator per event: its output must be
 * byte for byte what Jackson's default generator writes for the same event (the 1.0 encoder, kept here
 * as the reference), for seeded random events full of what escaping must get right.
 */
public class EncoderParityTest {

    private static final long SEED = 20261203L;
    private static final int EVENTS = 5_000;

    private final EventCodec codec = new EventCodec();
    private final JsonFactory jackson = new JsonFactory();

    @Test
    public void randomEventsEncodeExactlyAsJacksonDoes() throws IOException {
        Random random = new Random(SEED);
        for (int i = 0; i < EVENTS; i++) {
            DomainEvent e = RandomEvents.event(random);
            assertArrayEquals("event " + i + " of seed " + SEED, reference(e), codec.encodeToBytes(e));
        }
    }

    @Test
    public void theStreamGetsTheSameBytesInOneWrite() throws IOException {
        DomainEvent e = RandomEvents.event(new Random(SEED));
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                writes.add(len);
                super.write(b, off, len);
            }
        };
        codec.encode(e, sink);
        assertArrayEquals(reference(e), sink.toByteArray());
        assertEquals(List.of(sink.size()), writes);
    }

    @Test
    public void aStreamThatEncodesWhileBeingWrittenToGetsItsOwnBuffer() {
        DomainEvent outer = DomainEvent.builder(EventType.PLAN_CREATED).detail("which", "outer").build();
        DomainEvent inner = DomainEvent.builder(EventType.PLAN_CREATED).detail("which", "inner").build();
        byte[][] innerBytes = new byte[1][];
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream reentrant = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                innerBytes[0] = codec.encodeToBytes(inner);
                sink.write(b, off, len);
            }
        };
        codec.encode(outer, reentrant);
        assertEquals(outer, codec.decode(sink.toByteArray()));
        assertEquals(inner, codec.decode(innerBytes[0]));
    }

    @Test
    public void theThreadsBufferIsReusedAndDroppedWhenItGrewLarge() {
        JsonOutput first = JsonOutput.acquire();
        first.release();
        JsonOutput again = JsonOutput.acquire();
        assertSame(first, again);
        assertNotSame(again, JsonOutput.acquire());
        again.release();
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            big.put("key_" + i, "value-" + i);
        }
        DomainEvent large = DomainEvent.builder(EventType.PLAN_CREATED).details(big).build();
        assertEquals(large, codec.decode(codec.encodeToBytes(large)));
        DomainEvent small = DomainEvent.of(EventType.PLAN_CREATED);
        assertEquals(small, codec.decode(codec.encodeToBytes(small)));
    }

    @Test
    public void numbersAtTheEdgesOfLong() throws IOException {
        for (long n : new long[] {0, -1, 9, 10, -10, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            DomainEvent e = DomainEvent.builder(EventType.PLAN_CREATED).detail("n", n).build();
            assertArrayEquals(Long.toString(n), reference(e), codec.encodeToBytes(e));
        }
    }

    @Test
    public void yearsOutsideTheFastPathStillMatch() throws IOException {
        for (Instant t : new Instant[] {Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z")}) {
            DomainEvent e = DomainEvent.builder(EventType.PLAN_CREATED).timestamp(t).build();
            assertArrayEquals(t.toString(), reference(e), codec.encodeToBytes(e));
        }
    }

    /** The 1.0 encoder: Jackson's default generator. */
    private byte[] reference(DomainEvent e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = jackson.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField(WireFields.EVENT_ID, e.eventId());
            g.writeStringField(WireFields.EVENT_TYPE, e.eventType().id());
            g.writeStringField(WireFields.TIMESTAMP, e.timestamp().toString());
            g.writeStringField(WireFields.CORRELATION_ID, e.correlationId());
            String[][] context = {{WireFields.PLAN_ID, e.planId()}, {WireFields.ROOT_PLAN_ID, e.rootPlanId()},
                {WireFields.SESSION_ID, e.sessionId()}, {WireFields.ACTOR_NAME, e.actorName()},
                {WireFields.PROJECT_NAME, e.projectName()}};
            for (String[] field : context) {
                g.writeFieldName(field[0]);
                if (field[1] == null) {
                    g.writeNull();
                } else {
                    g.writeString(field[1]);
                }
            }
            g.writeFieldName(WireFields.DETAILS);
            write(g, e.details());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Long) {
            g.writeNumber((Long) v);
        } else if (v instanceof Double) {
            g.writeNumber((Double) v);
        } else if (v instanceof BigInteger) {
            g.writeNumber((BigInteger) v);
        } else if (v instanceof BigDecimal) {
            g.writeNumber((BigDecimal) v);
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName((String) entry.getKey());
                write(g, entry.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Object item : (List<?>) v) {
                write(g, item);
            }
            g.writeEndArray();
        }
    }
}
