package ai.cleveragents.events.bridge.eventadmin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/** Configuration validation: each invalid value fails with a message naming its property. */
public class SettingsTest {

    private static void assertInvalid(String property, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage(), e.getMessage().startsWith(property + ": "));
    }

    @Test
    public void defaultsAreValid() {
        BridgeSettings s = BridgeSettings.of(Direction.both, "cleveragents", OutboundMode.post, "", 10, 10);
        assertNull(s.outboundFilter());
        assertEquals("cleveragents", s.topics().prefix());
        assertNull(BridgeSettings.parseFilter(null));
    }

    @Test
    public void anInvalidFilterNamesTheProperty() {
        assertInvalid("outbound.filter", () -> BridgeSettings.parseFilter("(plan_id=p-1"));
        assertInvalid("outbound.filter", () -> BridgeSettings.of(Direction.out, "x", OutboundMode.send, "nonsense", 1, 1));
    }

    @Test
    public void aValidFilterIsMatchedAgainstTheOutboundMap() {
        BridgeSettings s = BridgeSettings.of(Direction.out, "x", OutboundMode.send, " (plan_id=p-*) ", 1, 1);
        assertTrue(s.outboundFilter().matches(Map.of("plan_id", "p-1")));
        assertFalse(s.outboundFilter().matches(Map.of("plan_id", "q-1")));
    }

    @Test
    public void anInvalidPrefixNamesTheProperty() {
        for (String prefix : List.of("", "/cleveragents", "cleveragents/", "a//b", "a/*", "a b")) {
            assertInvalid("topic.prefix", () -> new Topics(prefix));
        }
        assertInvalid("topic.prefix", () -> new Topics(null));
    }

    @Test
    public void capacitiesMustBePositive() {
        assertInvalid("inbound.queue.capacity", () -> BridgeSettings.of(Direction.in, "x", OutboundMode.post, null, 0, 1));
        assertInvalid("dedupe.capacity", () -> BridgeSettings.of(Direction.in, "x", OutboundMode.post, null, 1, -1));
    }

    @Test
    public void directionsSayWhichWay() {
        assertTrue(Direction.both.inbound() && Direction.both.outbound());
        assertTrue(Direction.in.inbound() && !Direction.in.outbound());
        assertTrue(!Direction.out.inbound() && Direction.out.outbound());
    }
}
