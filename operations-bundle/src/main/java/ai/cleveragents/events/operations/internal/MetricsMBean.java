package ai.cleveragents.events.operations.internal;

import java.util.Map;
import java.util.function.Supplier;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;

/**
 * A read-only MBean over a metrics snapshot: one {@code Long} attribute per counter, named as in
 * {@code events:stats} ({@code deliveries}, {@code journal.appends}, {@code emitted.plan.created}, ...).
 * Each read takes a fresh snapshot, so the attribute set grows as new counters appear.
 */
final class MetricsMBean implements DynamicMBean {

    private final String description;
    private final Supplier<Map<String, Long>> metrics;

    MetricsMBean(String description, Supplier<Map<String, Long>> metrics) {
        this.description = description;
        this.metrics = metrics;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        Long value = metrics.get().get(attribute);
        if (value == null) {
            throw new AttributeNotFoundException("no counter " + attribute);
        }
        return value;
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        Map<String, Long> snapshot = metrics.get();
        AttributeList list = new AttributeList();
        for (String name : attributes) {
            if (snapshot.containsKey(name)) {
                list.add(new Attribute(name, snapshot.get(name)));
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) {
        throw new UnsupportedOperationException("metrics are read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException("metrics have no operations");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanAttributeInfo[] attributes = metrics.get().keySet().stream()
                .map(name -> new MBeanAttributeInfo(name, Long.class.getName(), name, true, false, false))
                .toArray(MBeanAttributeInfo[]::new);
        return new MBeanInfo(MetricsMBean.class.getName(), description, attributes, null,
                new MBeanOperationInfo[0], null);
    }
}
