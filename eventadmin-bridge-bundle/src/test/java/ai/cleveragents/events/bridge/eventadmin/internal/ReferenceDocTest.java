package ai.cleveragents.events.bridge.eventadmin.internal;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import org.junit.Test;

/** {@code docs/reference/eventadmin-bridge.md} names every property key, metric and configuration property. */
public class ReferenceDocTest {

    private static String page() throws IOException {
        return Files.readString(Path.of(System.getProperty("bridge.reference", "../docs/reference/eventadmin-bridge.md")));
    }

    private static void assertRow(String page, String name) {
        assertTrue("no table row for " + name, page.contains("| `" + name + "` |"));
    }

    @Test
    public void everyOutboundPropertyHasAMappingRow() throws IOException {
        String page = page();
        Map<String, Object> p = new OutboundMapping(new Topics("cleveragents"), "o")
                .properties(MappingTest.fullEvent(EventType.PLAN_CREATED));
        p.keySet().forEach(key -> assertRow(page, key));
    }

    @Test
    public void everyMetricAndDropReasonIsDocumented() throws IOException {
        String page = page();
        Bridge bridge = new Bridge(BridgeSettings.of(Direction.both, "x", OutboundMode.post, null, 1, 1), e -> { },
                () -> null, DetailRedactor::defaults, new DropLog(TimeUnit.SECONDS.toNanos(1), System::nanoTime));
        for (String name : bridge.metrics().keySet()) {
            assertRow(page, name.startsWith("dropped.") ? name.substring("dropped.".length()) : name);
        }
    }

    @Test
    public void everyConfigurationPropertyIsDocumented() throws IOException {
        String page = page();
        for (Method m : EventAdminBridge.Config.class.getDeclaredMethods()) {
            assertRow(page, m.getName().replace('_', '.'));
        }
    }
}
