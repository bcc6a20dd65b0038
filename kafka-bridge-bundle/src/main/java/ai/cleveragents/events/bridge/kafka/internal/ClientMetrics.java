package ai.cleveragents.events.bridge.kafka.internal;

import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** Reads what the bridge reports from a Kafka client's own metrics. */
final class ClientMetrics {

    private ClientMetrics() {
    }

    /** @return the client's open broker connections: the sum of its {@code connection-count} metrics */
    static long connections(Map<MetricName, ? extends Metric> metrics) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            if ("connection-count".equals(e.getKey().name()) && e.getValue().metricValue() instanceof Number n) {
                sum += n.doubleValue();
            }
        }
        return (long) sum;
    }
}
