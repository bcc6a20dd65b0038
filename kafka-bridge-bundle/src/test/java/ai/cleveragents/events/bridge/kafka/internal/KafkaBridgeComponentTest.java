package ai.cleveragents.events.bridge.kafka.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.bridge.kafka.testing.EmbeddedKafka;

/**
 * The component as SCR drives it, against a real Felix framework's system bundle context (data area,
 * service registry) and the shared broker, and kafka:status in a real Gogo session.
 */
public class KafkaBridgeComponentTest {

    @Rule
    public final TemporaryFolder dir = new TemporaryFolder();
    private Framework felix;
    private LocalNode node;

    @Before
    public void framework() throws Exception {
        felix = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, dir.newFolder("felix").toString(),
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "ai.cleveragents.events;version=1.1.0"));
        felix.start();
        node = new LocalNode(dir.newFolder("node").toPath());
    }

    @After
    public void stop() throws Exception {
        node.close();
        felix.stop();
        felix.waitForStop(10_000);
    }

    private static Map<String, Object> props(String... kv) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", EmbeddedKafka.shared().bootstrapServers());
        p.put("service.pid", KafkaBridge.PID + "~comp");
        p.put("topic", "component-test");
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    public void theComponentPublishesItsMetricsAndStatus() throws Exception {
        Map<String, Object> p = props();
        KafkaBridge bridge = new KafkaBridge(felix.getBundleContext(), TestConfigs.config(p), p, node.journal);
        bridge.start(felix.getBundleContext());
        try {
            Collection<ServiceReference<MetricsSource>> refs = felix.getBundleContext().getServiceReferences(
                    MetricsSource.class, "(" + EventBusConstants.METRICS_NAME + "=kafka-bridge.comp)");
            assertEquals(1, refs.size());
            node.emit(DomainEvent.of(EventType.SESSION_STARTED));
            await().atMost(Duration.ofSeconds(60)).until(() -> bridge.metrics().get("out.acked") == 1);
            KafkaStatusCommand command = new KafkaStatusCommand();
            command.addBridge(bridge);
            String out = run(command, null);
            assertTrue(out, out.startsWith("comp\n  node: "));
            assertTrue(out, out.contains("  outbound: connected, lag "));
            assertTrue(out, out.contains("out.acked=1"));
            assertEquals(out, run(command, "comp"));
            command.removeBridge(bridge);
            assertTrue(run(command, null).startsWith("no Kafka bridge configured"));
        } finally {
            bridge.stop();
        }
        assertTrue(felix.getBundleContext().getServiceReferences(MetricsSource.class, null).isEmpty());
    }

    @Test
    public void withoutAJournalTheOutboundSideSaysWhy() throws Exception {
        Map<String, Object> p = props("directions", "out");
        KafkaBridge bridge = new KafkaBridge(felix.getBundleContext(), TestConfigs.config(p), p, null);
        bridge.start(felix.getBundleContext());
        try {
            assertTrue(bridge.status().get("outbound"), bridge.status().get("outbound").startsWith("error: no EventJournal"));
            assertEquals("off", bridge.status().get("inbound"));
        } finally {
            bridge.stop();
        }
    }

    @Test
    public void anUnusableDataAreaIsAClearError() throws Exception {
        Files.writeString(felix.getBundleContext().getDataFile("kafka").toPath(), "a file where a folder belongs");
        Map<String, Object> p = props();
        assertThrows(UncheckedIOException.class, () -> new KafkaBridge(felix.getBundleContext(), TestConfigs.config(p), p,
                node.journal));
    }

    private static String run(KafkaStatusCommand command, String name) {
        ThreadIOImpl threadIO = new ThreadIOImpl();
        threadIO.start();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CommandSession session = new CommandProcessorImpl(threadIO).createSession(new ByteArrayInputStream(new byte[0]),
                console, console);
        try {
            if (name == null) {
                command.status(session);
            } else {
                command.status(session, name);
            }
            return console.toString(StandardCharsets.UTF_8);
        } finally {
            session.close();
            threadIO.stop();
        }
    }
}
