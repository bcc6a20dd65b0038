package ai.cleveragents.events.bridge.kafka.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.bridge.kafka.testing.EmbeddedKafka;

/**
 * The broker goes away while A emits, long enough for the producer to give up: A only lags, resends
 * from its checkpoint when the broker is back, and B ends with every event exactly once.
 */
public class BrokerOutageTest {

    @Rule
    public final TemporaryFolder dir = new TemporaryFolder();
    private EmbeddedKafka kafka;
    private LocalNode a;
    private LocalNode b;

    @Before
    public void start() throws Exception {
        kafka = EmbeddedKafka.start(dir.newFolder("broker").toPath());
        a = new LocalNode(dir.newFolder("a").toPath());
        b = new LocalNode(dir.newFolder("b").toPath());
    }

    @After
    public void stop() throws Exception {
        a.close();
        b.close();
        kafka.close();
    }

    private Map<String, Object> props(String node, String directions) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "main");
        p.put("node.id", node);
        p.put("topic", "outage");
        p.put("directions", directions);
        p.put("retry.backoff.ms", "200");
        p.put("kafka.producer.delivery.timeout.ms", "3000");
        p.put("kafka.producer.request.timeout.ms", "1000");
        p.put("kafka.producer.max.block.ms", "1000");
        return p;
    }

    @Test
    public void aBrokerOutageOnlyMakesTheOutboundSideLag() throws Exception {
        a.start(kafka.bootstrapServers(), props("A", "out"));
        b.start(kafka.bootstrapServers(), props("B", "in"));
        List<DomainEvent> before = KafkaBridgeTest.plans(2, 5);
        before.forEach(a::emit);
        await().atMost(Duration.ofSeconds(60)).until(() -> b.received.size() >= 10);
        kafka.stop();
        List<DomainEvent> during = KafkaBridgeTest.plans(3, 20);
        during.forEach(a::emit);
        await().atMost(Duration.ofSeconds(60)).until(() -> a.metric("out.restarts") >= 1 && a.metric("out.lag.ms") >= 3000);
        assertTrue(a.bridge.status().get("outbound"), a.bridge.status().get("outbound").contains("last error: "));
        kafka.start();
        List<DomainEvent> all = new java.util.ArrayList<>(before);
        all.addAll(during);
        await().atMost(Duration.ofSeconds(120)).until(() -> b.received.size() >= all.size()
                && a.metric("out.lag.ms") == 0);
        KafkaBridgeTest.assertExactlyOnceInOrderPerPlan(all, b.received);
    }
}
