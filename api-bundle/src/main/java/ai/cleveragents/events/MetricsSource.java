package ai.cleveragents.events;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service publishing named counters for the shell's {@code events:stats}, for components other than
 * buses (for example the Event Admin bridge). Register it with the service property
 * {@value EventBusConstants#METRICS_NAME} naming the source.
 */
@ConsumerType
public interface MetricsSource {

    /**
     * @return the current counters under dotted names; an unmodifiable snapshot
     */
    Map<String, Long> metrics();
}
