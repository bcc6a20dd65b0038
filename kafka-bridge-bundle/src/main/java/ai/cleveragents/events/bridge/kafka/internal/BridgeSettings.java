package ai.cleveragents.events.bridge.kafka.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A bridge's validated configuration. Kafka client properties pass through from configuration properties
 * prefixed {@code kafka.} (producer and consumer), {@code kafka.producer.} and {@code kafka.consumer.}.
 *
 * @param name         the bridge's name (status, metrics, checkpoint file)
 * @param nodeId       the configured node id, empty to use the generated one
 * @param groupId      the consumer group, empty for {@code cleveragents-<node id>}
 * @param producer     Kafka producer properties (pass-through plus {@code bootstrap.servers})
 * @param consumer     Kafka consumer properties (pass-through plus {@code bootstrap.servers})
 */
record BridgeSettings(String name, Direction directions, String topic, TopicLayout layout, String nodeId,
        String groupId, String deadLetterTopic, StartPosition start, int maxInFlight, long checkpointIntervalMillis,
        int dedupeCapacity, long dedupeRebuildMinutes, long retryBackoffMillis, Map<String, Object> producer,
        Map<String, Object> consumer) {

    /** Names: bridge name, node id. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
    /** What {@link #NAME} allows, for error messages. */
    static final String NAME_RULE = "1 to 64 of A-Z a-z 0-9 . _ - not starting with a dot";
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    /** Client properties the bridge sets itself; configuring them is an error. */
    static final Set<String> RESERVED = Set.of("key.serializer", "value.serializer", "key.deserializer",
            "value.deserializer", "enable.idempotence", "acks", "enable.auto.commit", "bootstrap.servers", "group.id");

    static final String PASS_THROUGH = "kafka.";
    static final String PRODUCER_ONLY = "kafka.producer.";
    static final String CONSUMER_ONLY = "kafka.consumer.";

    /**
     * @param config     the typed configuration
     * @param properties every configuration property (for the pass-through and the PID)
     * @return the settings
     * @throws IllegalArgumentException if a property is invalid; the message names it and what is allowed
     */
    static BridgeSettings of(KafkaBridge.Config config, Map<String, ?> properties) {
        String servers = config.bootstrap_servers().trim();
        require(!servers.isEmpty(), "bootstrap.servers", "is required: host:port[,host:port...]");
        String name = config.name().isEmpty() ? derivedName(properties) : config.name();
        require(NAME.matcher(name).matches(), "name", "must be " + NAME_RULE);
        require(config.node_id().isEmpty() || NAME.matcher(config.node_id()).matches(), "node.id",
                "must be empty (generated) or " + NAME_RULE);
        require(TOPIC.matcher(config.topic()).matches(), "topic", "must be 1 to 200 of A-Z a-z 0-9 . _ -");
        require(config.dead_letter_topic().isEmpty() || TOPIC.matcher(config.dead_letter_topic()).matches(),
                "dead.letter.topic", "must be empty (none) or 1 to 200 of A-Z a-z 0-9 . _ -");
        require(config.outbound_max_in_flight() >= 1, "outbound.max.in.flight", "must be at least 1");
        require(config.checkpoint_interval_ms() >= 1, "checkpoint.interval.ms", "must be at least 1");
        require(config.dedupe_capacity() >= 1, "dedupe.capacity", "must be at least 1");
        require(config.dedupe_rebuild_minutes() >= 0, "dedupe.rebuild.minutes", "must be 0 or more");
        require(config.retry_backoff_ms() >= 1, "retry.backoff.ms", "must be at least 1");
        Map<String, Object> producer = clientProperties(properties, PRODUCER_ONLY, CONSUMER_ONLY);
        Map<String, Object> consumer = clientProperties(properties, CONSUMER_ONLY, PRODUCER_ONLY);
        producer.put("bootstrap.servers", servers);
        consumer.put("bootstrap.servers", servers);
        return new BridgeSettings(name, config.directions(), config.topic(), config.topic_layout(), config.node_id(),
                config.group_id().trim(), config.dead_letter_topic(), config.outbound_start(),
                config.outbound_max_in_flight(), config.checkpoint_interval_ms(), config.dedupe_capacity(),
                config.dedupe_rebuild_minutes(), config.retry_backoff_ms(), producer, consumer);
    }

    /** @return the consumer group of this bridge on a node */
    String groupFor(String node) {
        return groupId.isEmpty() ? "cleveragents-" + node : groupId;
    }

    private static String derivedName(Map<String, ?> properties) {
        String pid = String.valueOf(Objects.requireNonNullElse(properties.get("service.pid"), "default"));
        String tail = pid.substring(Math.max(pid.lastIndexOf('~'), pid.lastIndexOf('.')) + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return tail.isEmpty() || tail.startsWith(".") ? "default" : tail.substring(0, Math.min(64, tail.length()));
    }

    private static Map<String, Object> clientProperties(Map<String, ?> properties, String own, String other) {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PASS_THROUGH) || key.startsWith(other)) {
                continue;
            }
            String client = key.startsWith(own) ? key.substring(own.length()) : key.substring(PASS_THROUGH.length());
            require(!RESERVED.contains(client), key, "is set by the bridge; it cannot be configured (reserved: "
                    + String.join(", ", new TreeSet<>(RESERVED)) + ")");
            if (!key.startsWith(own) && out.containsKey(client)) {
                continue;
            }
            out.put(client, String.valueOf(e.getValue()));
        }
        return out;
    }

    private static void require(boolean ok, String property, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + property + ": " + rule);
        }
    }
}
