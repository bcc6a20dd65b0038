package ai.cleveragents.events.bridge.kafka.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.SwapSafeEmitter;

/**
 * One bridge: its node id, windows of recent ids, counters, and the pumps its directions need. The
 * outbound side needs the journal; without one it reports so and the inbound side runs alone.
 * Thread-safe.
 */
final class Bridge implements StatusView {

    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);

    private final BridgeSettings settings;
    private final EventJournal journal;
    private final String node;
    private final RecentIds cameIn;
    private final RecentIds known;
    private final BridgeCounters counters = new BridgeCounters();
    private final ScheduledExecutorService scheduler;
    private final OutboundPump outbound;
    private final InboundPump inbound;
    private volatile String outboundError;

    /**
     * @param data the bundle's data folder for the bridges (node id, checkpoints)
     * @param journal the local journal, {@code null} if there is none
     * @throws IOException if the node id or the checkpoint cannot be read or written
     */
    Bridge(BridgeSettings settings, Path data, EventJournal journal, Supplier<EventBus> bus) throws IOException {
        this.settings = settings;
        this.journal = journal;
        this.node = NodeId.resolve(settings.nodeId(), data.resolve("node-id"));
        this.cameIn = new RecentIds(settings.dedupeCapacity());
        this.known = new RecentIds(settings.dedupeCapacity());
        String client = "cleveragents-" + settings.name();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kafka-bridge-" + settings.name() + "-out");
            t.setDaemon(true);
            return t;
        });
        RecordMapping mapping = new RecordMapping(settings.topic(), settings.layout(), node);
        this.outbound = settings.directions().outbound() && journal != null
                ? new OutboundPump(settings, journal, mapping, new OutboundCheckpoint(data, settings.name()),
                        () -> KafkaClients.producer(settings.producer(), client + "-out"), cameIn, known, counters,
                        scheduler)
                : null;
        this.outboundError = settings.directions().outbound() && journal == null
                ? "no EventJournal service: the reactive bus with journal.enabled=true is needed" : null;
        this.inbound = settings.directions().inbound()
                ? new InboundPump(settings, () -> KafkaClients.consumer(settings.consumer(), settings.groupFor(node),
                        client + "-in"), mapping, new BatchEmitter(new SwapSafeEmitter(bus), cameIn, known, counters),
                        bus, new DeadLetters(settings.deadLetterTopic(),
                                () -> KafkaClients.producer(settings.producer(), client + "-dead-letters"), counters),
                        known, counters)
                : null;
    }

    @Override
    public String name() {
        return settings.name();
    }

    String node() {
        return node;
    }

    void start() {
        rebuildDedupeWindow();
        if (outbound != null) {
            try {
                outbound.start();
            } catch (IllegalArgumentException | KafkaException e) {
                outboundError = "outbound stopped: " + e.getMessage();
                LOG.error("Kafka bridge {}: {}", settings.name(), outboundError);
            }
        }
        if (inbound != null) {
            inbound.start();
        }
    }

    private void rebuildDedupeWindow() {
        if (journal == null || settings.dedupeRebuildMinutes() == 0) {
            return;
        }
        Instant since = Instant.now().minus(Duration.ofMinutes(settings.dedupeRebuildMinutes()));
        try (Stream<DomainEvent> events = journal.replaySince(since, Set.of())) {
            events.forEach(e -> known.add(e.eventId()));
        } catch (RuntimeException e) {
            LOG.warn("Kafka bridge {}: the dedupe window was not rebuilt from the journal: {}", settings.name(),
                    e.toString());
        }
    }

    void stop() throws InterruptedException {
        if (inbound != null) {
            inbound.stop();
        }
        if (outbound != null) {
            outbound.stop();
        }
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }

    Map<String, Long> metrics() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("out.pending", outbound == null ? 0L : outbound.pending());
        m.put("out.lag.ms", outbound == null ? 0L : outbound.lagMillis());
        m.put("out.connections", outbound == null ? 0L : outbound.connections());
        m.put("in.connections", inbound == null ? 0L : inbound.connections());
        m.put("in.paused", inbound != null && inbound.paused() ? 1L : 0L);
        m.putAll(counters.snapshot());
        m.put("dedupe.size", (long) known.size());
        return Map.copyOf(m);
    }

    @Override
    public Map<String, String> status() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("node", node);
        s.put("topics", settings.layout() == TopicLayout.single ? settings.topic() : settings.topic() + ".<domain>");
        s.put("outbound", outboundState());
        if (outbound != null) {
            s.put("checkpoint", outbound.checkpoint() == null ? "none" : outbound.checkpoint());
        }
        s.put("inbound", inboundState());
        Map<String, Long> m = metrics();
        StringBuilder counts = new StringBuilder();
        m.forEach((k, v) -> counts.append(counts.length() == 0 ? "" : " ").append(k).append('=').append(v));
        s.put("counts", counts.toString());
        return s;
    }

    private String outboundState() {
        if (!settings.directions().outbound()) {
            return "off";
        }
        if (outbound == null || outboundError != null) {
            return "error: " + outboundError;
        }
        String error = outbound.lastError();
        return (outbound.connections() > 0 ? "connected" : "not connected") + ", lag " + outbound.lagMillis()
                + " ms, pending " + outbound.pending() + (error == null ? "" : ", last error: " + error);
    }

    private String inboundState() {
        if (inbound == null) {
            return "off";
        }
        String error = inbound.lastError();
        String state = !inbound.alive() ? "stopped" : inbound.paused() ? "paused" : "running";
        return state + ", " + (inbound.connections() > 0 ? "connected" : "not connected") + ", group "
                + settings.groupFor(node) + (error == null ? "" : ", last error: " + error);
    }
}
