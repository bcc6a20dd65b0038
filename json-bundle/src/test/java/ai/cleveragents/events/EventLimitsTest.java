package ai.cleveragents.events;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;

/**
 * One set of limits for building, encoding and decoding: whatever can be built within them encodes and
 * decodes back to an equal event; whatever the decoder would refuse is refused when it is built or
 * encoded, with the limit named.
 */
public class EventLimitsTest {

    private final EventCodec codec = new EventCodec();

    private static DomainEvent withDetail(String key, Object value) {
        return DomainEvent.builder(EventType.TOOL_INVOKED).detail(key, value).build();
    }

    private void assertRoundTrips(DomainEvent e) {
        assertEquals(e, codec.decode(codec.encodeToBytes(e)));
        assertEquals(e, codec.decode(codec.encode(e)));
    }

    @Test
    public void theLongestKeyRoundTripsInEveryEncodingWidth() {
        assertRoundTrips(withDetail("k".repeat(EventLimits.MAX_KEY_LENGTH), 1));
        assertRoundTrips(withDetail("é".repeat(EventLimits.MAX_KEY_LENGTH), 1));
        assertRoundTrips(withDetail("€".repeat(EventLimits.MAX_KEY_LENGTH), 1));
        assertRoundTrips(withDetail("outer", Map.of("€".repeat(EventLimits.MAX_KEY_LENGTH), List.of(1))));
    }

    @Test
    public void aLongerKeyIsRefusedWhenBuiltNamingTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withDetail("k".repeat(60_000), 1));
        assertEquals("a detail key at details has 60000 characters, over the limit of 10000 (EventLimits.MAX_KEY_LENGTH)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> withDetail("outer", Map.of("k".repeat(EventLimits.MAX_KEY_LENGTH + 1), 1)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("a detail key at details.outer has 10001 characters"));
    }

    @Test
    public void theLongestNumbersRoundTrip() {
        assertRoundTrips(withDetail("n", new BigInteger("9".repeat(EventLimits.MAX_NUMBER_LENGTH))));
        assertRoundTrips(withDetail("n", new BigInteger("-" + "9".repeat(EventLimits.MAX_NUMBER_LENGTH - 1))));
        assertRoundTrips(withDetail("n", new BigDecimal("0." + "1".repeat(EventLimits.MAX_NUMBER_LENGTH - 2))));
        assertRoundTrips(withDetail("n", new BigDecimal("1E+999999")));
    }

    @Test
    public void longerNumbersAreRefusedWhenBuiltNamingTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withDetail("n", new BigInteger("9".repeat(1_001))));
        assertEquals("detail details.n is a number of 1001 characters, over the limit of 1000 (EventLimits.MAX_NUMBER_LENGTH)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> withDetail("n", List.of(new BigDecimal("0." + "1".repeat(1_000)))));
    }

    @Test
    public void theLargestEventRoundTripsAndOneByteMoreIsRefusedByTheEncoder() {
        DomainEvent probe = withDetail("blob", "");
        int overhead = codec.encodeToBytes(probe).length;
        DomainEvent largest = withDetail("blob", "x".repeat(EventLimits.MAX_EVENT_BYTES - overhead));
        assertEquals(EventLimits.MAX_EVENT_BYTES, codec.encodeToBytes(largest).length);
        assertRoundTrips(largest);
        DomainEvent tooLarge = largest.toBuilder().detail("blob", "x".repeat(EventLimits.MAX_EVENT_BYTES - overhead + 1))
                .build();
        EventCodecException e = assertThrows(EventCodecException.class, () -> codec.encodeToBytes(tooLarge));
        assertEquals("event " + tooLarge.eventId() + " encodes to 1048577 bytes, over the limit of 1048576 bytes"
                + " (EventLimits.MAX_EVENT_BYTES is 1048576)", e.getMessage());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(EventCodecException.class, () -> codec.encode(tooLarge, out));
        assertArrayEquals("nothing written for a refused event", new byte[0], out.toByteArray());
        assertThrows(EventCodecException.class, () -> codec.encode(tooLarge));
    }

    @Test
    public void aCodecWithASmallerLimitRefusesOnBothSides() {
        EventCodec small = new EventCodec(300);
        DomainEvent e = withDetail("blob", "x".repeat(300));
        assertThrows(EventCodecException.class, () -> small.encodeToBytes(e));
        assertThrows(EventCodecException.class, () -> small.decode(codec.encodeToBytes(e)));
    }
}
