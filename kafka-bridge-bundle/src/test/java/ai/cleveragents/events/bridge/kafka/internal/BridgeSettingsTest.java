package ai.cleveragents.events.bridge.kafka.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.Test;

/** Every bad property is refused with a message naming it and what is allowed. */
public class BridgeSettingsTest {

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("bootstrap.servers", "localhost:9092");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void refused(String property, Object... kv) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestConfigs.settings(props(kv)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("invalid " + property + ": "));
    }

    @Test
    public void defaultsAreUsable() {
        BridgeSettings s = TestConfigs.settings(props("service.pid", "ai.cleveragents.events.bridge.kafka~east"));
        assertEquals("east", s.name());
        assertEquals(Direction.both, s.directions());
        assertEquals("cleveragents.events", s.topic());
        assertEquals("cleveragents-N1", s.groupFor("N1"));
        assertEquals("localhost:9092", s.producer().get("bootstrap.servers"));
        assertEquals("localhost:9092", s.consumer().get("bootstrap.servers"));
    }

    @Test
    public void aNameIsDerivedFromAGeneratedPid() {
        assertEquals("4f1c-9a", TestConfigs.settings(props("service.pid", "ai.cleveragents.events.bridge.kafka.4f1c-9a")).name());
        assertEquals("default", TestConfigs.settings(props()).name());
    }

    @Test
    public void clientPropertiesPassThroughAndTheSpecificOneWins() {
        BridgeSettings s = TestConfigs.settings(props("kafka.linger.ms", "20", "kafka.producer.linger.ms", "7",
                "kafka.consumer.max.poll.records", "50", "kafka.security.protocol", "SSL", "unrelated", "x"));
        assertEquals("7", s.producer().get("linger.ms"));
        assertEquals("20", s.consumer().get("linger.ms"));
        assertEquals("50", s.consumer().get("max.poll.records"));
        assertFalse(s.producer().containsKey("max.poll.records"));
        assertEquals("SSL", s.producer().get("security.protocol"));
        assertFalse(s.producer().containsKey("unrelated"));
        assertEquals("explicit", TestConfigs.settings(props("group.id", " explicit ")).groupFor("N1"));
    }

    @Test
    public void everyBadPropertyIsNamed() {
        refused("bootstrap.servers", "bootstrap.servers", " ");
        refused("name", "name", "../etc");
        refused("node.id", "node.id", "a b");
        refused("topic", "topic", "bad/topic");
        refused("dead.letter.topic", "dead.letter.topic", "bad topic");
        refused("outbound.max.in.flight", "outbound.max.in.flight", 0);
        refused("checkpoint.interval.ms", "checkpoint.interval.ms", 0);
        refused("dedupe.capacity", "dedupe.capacity", 0);
        refused("dedupe.rebuild.minutes", "dedupe.rebuild.minutes", -1);
        refused("retry.backoff.ms", "retry.backoff.ms", 0);
    }

    @Test
    public void propertiesTheBridgeSetsCannotBeConfigured() {
        refused("kafka.acks", "kafka.acks", "1");
        refused("kafka.producer.enable.idempotence", "kafka.producer.enable.idempotence", "false");
        refused("kafka.consumer.enable.auto.commit", "kafka.consumer.enable.auto.commit", "true");
        refused("kafka.group.id", "kafka.group.id", "g");
    }
}
