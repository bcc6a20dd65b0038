package ai.cleveragents.events.operations.internal;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.MetricsSource;

/**
 * Publishes every {@link EventBus} as the MBean {@code ai.cleveragents.events:type=EventBus,name=<event.bus.name>}
 * and every {@link MetricsSource} as {@code ai.cleveragents.events:type=MetricsSource,name=<metrics.name>},
 * in the platform MBean server, for as long as the service is registered. A name already taken gets
 * {@code -<service.id>} appended.
 */
@Component(immediate = true, service = {})
public final class MetricsExporter {

    static final String DOMAIN = "ai.cleveragents.events";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsExporter.class);

    private final MBeanServer server;
    private final Map<Long, ObjectName> registered = new ConcurrentHashMap<>();

    public MetricsExporter() {
        this(ManagementFactory.getPlatformMBeanServer());
    }

    MetricsExporter(MBeanServer server) {
        this.server = server;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBus(EventBus bus, Map<String, Object> properties) {
        register(properties, "EventBus", EventBusConstants.BUS_NAME, () -> BusCounters.of(bus.metrics()));
    }

    void removeBus(EventBus bus, Map<String, Object> properties) {
        unregister(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MetricsSource source, Map<String, Object> properties) {
        register(properties, "MetricsSource", EventBusConstants.METRICS_NAME, source::metrics);
    }

    void removeSource(MetricsSource source, Map<String, Object> properties) {
        unregister(properties);
    }

    private void register(Map<String, Object> properties, String type, String nameProperty,
            Supplier<Map<String, Long>> metrics) {
        long id = ((Number) properties.get(Constants.SERVICE_ID)).longValue();
        String name = String.valueOf(properties.getOrDefault(nameProperty, "service-" + id));
        try {
            ObjectName objectName = objectName(type, name);
            if (server.isRegistered(objectName)) {
                objectName = objectName(type, name + "-" + id);
            }
            server.registerMBean(new MetricsMBean(type + " " + name, metrics), objectName);
            registered.put(id, objectName);
        } catch (JMException e) {
            LOG.warn("cannot publish the metrics of {} {} as an MBean: {}", type, OneLine.of(name), e.toString());
        }
    }

    private void unregister(Map<String, Object> properties) {
        ObjectName name = registered.remove(((Number) properties.get(Constants.SERVICE_ID)).longValue());
        if (name != null) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("MBean {} already gone: {}", name, e.toString());
            }
        }
    }

    /** @return {@code ai.cleveragents.events:type=<type>,name=<name>}, the name quoted only if it must be */
    static ObjectName objectName(String type, String name) throws JMException {
        String value = name.matches("[A-Za-z0-9_.-]+") ? name : ObjectName.quote(name);
        return new ObjectName(DOMAIN + ":type=" + type + ",name=" + value);
    }

    @Deactivate
    void deactivate() {
        for (Long id : registered.keySet()) {
            unregister(Map.of(Constants.SERVICE_ID, id));
        }
    }
}
