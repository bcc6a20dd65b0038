package ai.cleveragents.events.bridge.kafka.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.MetricsSource;

/**
 * One Kafka bridge per factory configuration of {@value #PID}; none without configuration. Outbound, the
 * local {@link EventJournal} is the outbox ({@link OutboundPump}); inbound, a consumer group emits on the
 * best bus ({@link InboundPump}). Publishes its counters as the {@link MetricsSource}
 * {@code kafka-bridge.<name>}. The journal reference is static and greedy: when a journal appears or goes,
 * the bridge restarts (from its checkpoint and committed offsets); the bus is followed live.
 */
@Component(service = KafkaBridge.class, configurationPid = KafkaBridge.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = KafkaBridge.Config.class, factory = true)
public final class KafkaBridge implements StatusView {

    /** The {@value EventBusConstants#METRICS_NAME} of a bridge's {@link MetricsSource} is this and its name. */
    public static final String METRICS_PREFIX = "kafka-bridge.";

    /** The factory configuration PID. */
    public static final String PID = "ai.cleveragents.events.bridge.kafka";

    /** The bridge's configuration; Kafka client properties pass through as {@code kafka.*}. */
    @ObjectClassDefinition(id = PID, name = "CleverAgents Kafka bridge", description = "Carries domain events between"
            + " runtimes through Apache Kafka: the local journal as outbox (at-least-once, ordered per plan), a"
            + " deduplicating consumer group inbound. Kafka client properties pass through as kafka.<property>"
            + " (both clients), kafka.producer.<property> and kafka.consumer.<property>.")
    public @interface Config {

        @AttributeDefinition(name = "Bootstrap servers", description = "Kafka bootstrap.servers: host:port[,host:port...]."
                + " Required.")
        String bootstrap_servers();

        @AttributeDefinition(name = "Name", required = false, description = "The bridge's name in kafka:status, in its"
                + " metrics (kafka-bridge.<name>) and in its checkpoint file; 1 to 64 of A-Z a-z 0-9 . _ -. Empty: the"
                + " last part of the configuration's PID.")
        String name() default "";

        @AttributeDefinition(name = "Directions", description = "out (journal to Kafka), in (Kafka to bus) or both.")
        Direction directions() default Direction.both;

        @AttributeDefinition(name = "Topic", description = "The topic, or with topic.layout=per_domain the prefix of"
                + " the topics <topic>.<domain>.")
        String topic() default "cleveragents.events";

        @AttributeDefinition(name = "Topic layout", description = "single: every event on one topic; per_domain: one"
                + " topic per event domain.")
        TopicLayout topic_layout() default TopicLayout.single;

        @AttributeDefinition(name = "Node id", required = false, description = "This runtime's id in the origin_node_id"
                + " header; records carrying it are never emitted again here. Empty: generated once and kept in the"
                + " bundle's data area.")
        String node_id() default "";

        @AttributeDefinition(name = "Consumer group", required = false, description = "The inbound consumer group."
                + " Empty: cleveragents-<node id>, so every runtime receives every event.")
        String group_id() default "";

        @AttributeDefinition(name = "Dead-letter topic", required = false, description = "Where rejected inbound"
                + " records are copied, with a reject_reason header. Empty: they are only counted and skipped.")
        String dead_letter_topic() default "";

        @AttributeDefinition(name = "Outbound start", description = "Where the outbound side starts when it has no"
                + " checkpoint yet: beginning (the whole journal goes out) or latest (only events written from now).")
        StartPosition outbound_start() default StartPosition.beginning;

        @AttributeDefinition(name = "Outbound events in flight", min = "1", description = "How many events may be sent"
                + " and not yet acknowledged; beyond that, reading the journal waits.")
        int outbound_max_in_flight() default 10_000;

        @AttributeDefinition(name = "Checkpoint interval (ms)", min = "1", description = "How often the outbound"
                + " checkpoint (the acknowledged prefix) is written.")
        long checkpoint_interval_ms() default 100;

        @AttributeDefinition(name = "Dedupe capacity", min = "1", description = "How many recent event ids are"
                + " remembered to drop inbound duplicates and to keep events that came in from going out again.")
        int dedupe_capacity() default 100_000;

        @AttributeDefinition(name = "Dedupe rebuild (minutes)", min = "0", description = "At start, the ids of the"
                + " journal's events of this many last minutes fill the dedupe window; 0: none.")
        long dedupe_rebuild_minutes() default 60;

        @AttributeDefinition(name = "Retry backoff (ms)", min = "1", description = "Wait before resending from the"
                + " checkpoint after a failed send, and before resuming paused partitions.")
        long retry_backoff_ms() default 1000;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus bus;

    private final Bridge bridge;
    private ServiceRegistration<MetricsSource> metrics;

    /**
     * @throws IllegalArgumentException if the configuration is invalid; the message names the property
     * @throws UncheckedIOException     if the bundle's data area cannot hold the node id or checkpoint
     */
    @Activate
    public KafkaBridge(BundleContext context, Config config, Map<String, Object> properties,
            @Reference(name = "journal", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY)
            EventJournal journal) {
        BridgeSettings settings = BridgeSettings.of(config, properties);
        Path data = context.getDataFile("kafka").toPath();
        try {
            this.bridge = new Bridge(settings, data, journal, () -> bus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the pumps once SCR has injected the bus reference, and registers the metrics.
     */
    @Activate
    void start(BundleContext context) {
        bridge.start();
        metrics = context.registerService(MetricsSource.class, bridge::metrics, new Hashtable<>(
                Map.of(EventBusConstants.METRICS_NAME, METRICS_PREFIX + bridge.name())));
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (metrics != null) {
            metrics.unregister();
        }
        bridge.stop();
    }

    /** @return the bridge's counters (those of its {@link MetricsSource}) */
    public Map<String, Long> metrics() {
        return bridge.metrics();
    }

    @Override
    public String name() {
        return bridge.name();
    }

    @Override
    public Map<String, String> status() {
        return bridge.status();
    }
}
