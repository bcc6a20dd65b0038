package ai.cleveragents.events.bridge.kafka.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** kafka:status output: escaped, sorted, one-line errors with usage. */
public class KafkaStatusCommandTest {

    private static StatusView view(String name, String error) {
        return new StatusView() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, String> status() {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("outbound", "error: " + error);
                return m;
            }
        };
    }

    @Test
    public void attackerTextIsEscapedAndBridgesAreSorted() {
        String out = KafkaStatusCommand.render(new ArrayList<>(List.of(view("zeta", "ok"),
                view("alpha", "broker said \u001b[2J\u0007 boom\nforged line"))), null);
        assertFalse(out, out.contains("\u001b"));
        assertFalse(out, out.contains("\u0007"));
        assertTrue(out, out.startsWith("alpha\n  outbound: error: broker said "));
        assertTrue(out, out.indexOf("alpha") < out.indexOf("zeta"));
        assertEquals("every line is ours", 4, out.split("\n").length);
    }

    @Test
    public void anUnknownNameIsOneLineAndTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KafkaStatusCommand.render(new ArrayList<>(List.of(view("main", "x"))), "ma\u001bin"));
        String[] lines = e.getMessage().split("\n");
        assertEquals(2, lines.length);
        assertFalse(lines[0].contains("\u001b"));
        assertTrue(lines[0], lines[0].startsWith("kafka:status: no bridge named 'ma"));
        assertTrue(lines[0], lines[0].endsWith("(configured: main)"));
        assertEquals("usage: " + KafkaStatusCommand.USAGE, lines[1]);
    }

    @Test
    public void noBridgeSaysHowToConfigureOne() {
        assertEquals("no Kafka bridge configured (factory PID ai.cleveragents.events.bridge.kafka)\n",
                KafkaStatusCommand.render(new ArrayList<>(), null));
        assertThrows(IllegalArgumentException.class, () -> KafkaStatusCommand.render(new ArrayList<>(), "x"));
        assertEquals("main\n  outbound: error: y\n", KafkaStatusCommand.render(new ArrayList<>(List.of(view("main", "y"),
                view("other", "z"))), "main"));
    }
}
