package ai.cleveragents.events.operations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.After;
import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.dispatch.DispatchEngine;

/** The exporter against the real platform MBean server and a real bus. */
public class MetricsExporterTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final MetricsExporter exporter = new MetricsExporter(server);

    @After
    public void deactivate() {
        exporter.deactivate();
    }

    @Test
    public void everyBusAndMetricsSourceIsAnMBeanWhileRegistered() throws Exception {
        DispatchEngine engine = new DispatchEngine("test", (e, emitter) -> false);
        EventBus bus = engine.view(null);
        bus.emit(DomainEvent.builder(EventType.PLAN_CREATED).build());
        Map<String, Object> busProps = Map.of("service.id", 41L, "event.bus.name", "reactive");
        exporter.addBus(bus, busProps);
        MetricsSource source = () -> Map.of("queue.depth", 3L, "in", 7L);
        Map<String, Object> sourceProps = Map.of("service.id", 42L, "metrics.name", "eventadmin-bridge");
        exporter.addSource(source, sourceProps);

        ObjectName busName = new ObjectName("ai.cleveragents.events:type=EventBus,name=reactive");
        assertEquals(1L, server.getAttribute(busName, "emitted"));
        assertEquals(1L, server.getAttribute(busName, "emitted.plan.created"));
        assertEquals(1L, server.getAttribute(busName, "unhandled"));
        assertTrue(Arrays.stream(server.getMBeanInfo(busName).getAttributes()).anyMatch(a -> a.getName().equals("deliveries")));
        ObjectName sourceName = new ObjectName("ai.cleveragents.events:type=MetricsSource,name=eventadmin-bridge");
        assertEquals(3L, server.getAttribute(sourceName, "queue.depth"));
        AttributeList two = server.getAttributes(sourceName, new String[] {"in", "queue.depth", "nope"});
        assertEquals(List.of(new Attribute("in", 7L), new Attribute("queue.depth", 3L)), two.asList());

        exporter.removeBus(bus, busProps);
        exporter.removeSource(source, sourceProps);
        assertFalse(server.isRegistered(busName));
        assertFalse(server.isRegistered(sourceName));
        exporter.removeSource(source, sourceProps);
    }

    @Test
    public void aTakenNameGetsTheServiceIdAndOddNamesAreQuoted() throws Exception {
        MetricsSource source = () -> Map.of("n", 1L);
        exporter.addSource(source, Map.of("service.id", 51L, "metrics.name", "dup"));
        exporter.addSource(source, Map.of("service.id", 52L, "metrics.name", "dup"));
        exporter.addSource(source, Map.of("service.id", 53L, "metrics.name", "a,b=c"));
        exporter.addSource(source, Map.of("service.id", 54L));
        assertTrue(server.isRegistered(new ObjectName("ai.cleveragents.events:type=MetricsSource,name=dup")));
        assertTrue(server.isRegistered(new ObjectName("ai.cleveragents.events:type=MetricsSource,name=dup-52")));
        assertTrue(server.isRegistered(MetricsExporter.objectName("MetricsSource", "a,b=c")));
        assertTrue(server.isRegistered(new ObjectName("ai.cleveragents.events:type=MetricsSource,name=service-54")));
        exporter.deactivate();
        assertFalse(server.isRegistered(new ObjectName("ai.cleveragents.events:type=MetricsSource,name=dup")));
    }

    @Test
    public void theMBeanIsReadOnly() {
        MetricsMBean bean = new MetricsMBean("x", () -> Map.of("a", 1L));
        assertThrows(AttributeNotFoundException.class, () -> bean.getAttribute("b"));
        assertThrows(UnsupportedOperationException.class, () -> bean.setAttribute(new Attribute("a", 2L)));
        assertThrows(UnsupportedOperationException.class, () -> bean.invoke("reset", null, null));
        assertTrue(bean.setAttributes(new AttributeList(List.of(new Attribute("a", 2L)))).isEmpty());
        assertEquals("x", bean.getMBeanInfo().getDescription());
    }
}
