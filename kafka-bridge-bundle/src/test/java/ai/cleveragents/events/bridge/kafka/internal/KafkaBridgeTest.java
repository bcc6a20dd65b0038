package ai.cleveragents.events.bridge.kafka.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.bridge.kafka.testing.EmbeddedKafka;

/**
 * Two nodes and one real KRaft broker (started once for the class, in this JVM): events cross exactly once,
 * in order per plan, both ways, without echo; the outbound side resumes from its checkpoint.
 */
public class KafkaBridgeTest {

    private static EmbeddedKafka kafka;
    private static int topics;

    @Rule
    public final TemporaryFolder dir = new TemporaryFolder();
    private LocalNode a;
    private LocalNode b;
    private String topic;

    @BeforeClass
    public static void broker() {
        kafka = EmbeddedKafka.shared();
    }

    @Before
    public void nodes() throws Exception {
        a = new LocalNode(dir.newFolder("a").toPath());
        b = new LocalNode(dir.newFolder("b").toPath());
        topic = "bridge-test-" + (++topics);
    }

    @After
    public void close() throws Exception {
        a.close();
        b.close();
    }

    private Map<String, Object> props(String node, String directions) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "main");
        p.put("node.id", node);
        p.put("topic", topic);
        p.put("directions", directions);
        p.put("group.id", topic + "-" + node);
        p.put("retry.backoff.ms", "200");
        p.put("checkpoint.interval.ms", "20");
        return p;
    }

    static List<DomainEvent> plans(int plans, int perPlan) {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < perPlan; i++) {
            for (int p = 0; p < plans; p++) {
                events.add(DomainEvent.builder(EventType.PLAN_PHASE_CHANGED).planId("p-" + p).detail("step", i).build());
            }
        }
        return events;
    }

    static void assertExactlyOnceInOrderPerPlan(List<DomainEvent> sent, List<DomainEvent> received) {
        List<String> ids = received.stream().map(DomainEvent::eventId).toList();
        assertEquals("no duplicate", ids.size(), new HashSet<>(ids).size());
        assertEquals(sent.stream().map(DomainEvent::eventId).collect(Collectors.toSet()), new HashSet<>(ids));
        Map<String, List<String>> sentPerPlan = sent.stream().collect(Collectors.groupingBy(DomainEvent::planId,
                Collectors.mapping(DomainEvent::eventId, Collectors.toList())));
        Map<String, List<String>> receivedPerPlan = received.stream().collect(Collectors.groupingBy(DomainEvent::planId,
                Collectors.mapping(DomainEvent::eventId, Collectors.toList())));
        assertEquals(sentPerPlan, receivedPerPlan);
    }

    @Test
    public void eventsCrossExactlyOnceInOrderPerPlanAndTheCheckpointFollowsTheAcks() throws Exception {
        a.start(kafka.bootstrapServers(), props("A", "out"));
        b.start(kafka.bootstrapServers(), props("B", "in"));
        List<DomainEvent> sent = plans(5, 40);
        sent.forEach(a::emit);
        await().atMost(Duration.ofSeconds(60)).until(() -> b.received.size() >= sent.size());
        assertExactlyOnceInOrderPerPlan(sent, b.received);
        String last = sent.get(sent.size() - 1).eventId();
        await().atMost(Duration.ofSeconds(10)).until(() -> last.equals(a.bridge.status().get("checkpoint")));
        assertEquals(0, a.metric("out.pending"));
        assertEquals(200, a.metric("out.acked"));
        assertEquals(200, b.metric("in.emitted"));
        Path checkpoint = a.directory.resolve("data").resolve("main.outbound.checkpoint");
        assertEquals("event_id=" + last + "\n", Files.readString(checkpoint));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint)));
        try (var replay = b.journal.replaySince(java.time.Instant.EPOCH, Set.of())) {
            assertEquals(200, replay.count());
        }
    }

    @Test
    public void bothWaysNoEventEchoes() throws Exception {
        a.start(kafka.bootstrapServers(), props("A", "both"));
        b.start(kafka.bootstrapServers(), props("B", "both"));
        List<DomainEvent> fromA = plans(3, 10);
        List<DomainEvent> fromB = plans(2, 10);
        fromA.forEach(a::emit);
        fromB.forEach(b::emit);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> a.received.size() >= 50 && b.received.size() >= 50
                    && a.metric("in.loop_suppressed") >= 30 && b.metric("in.loop_suppressed") >= 20);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("A " + a + "\nB " + b, e);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> a.metric("out.pending") == 0 && b.metric("out.pending") == 0);
        assertEquals(30, a.metric("out.acked"));
        assertEquals(20, b.metric("out.acked"));
        assertEquals(20, a.metric("out.loop_suppressed"));
        assertEquals(30, b.metric("out.loop_suppressed"));
        assertEquals(50, a.received.size());
        assertEquals(50, b.received.size());
        assertEquals(50, new HashSet<>(a.received).size());
    }

    @Test
    public void theOutboundSideResumesFromItsCheckpoint() throws Exception {
        a.start(kafka.bootstrapServers(), props("A", "out"));
        b.start(kafka.bootstrapServers(), props("B", "in"));
        List<DomainEvent> first = plans(2, 10);
        first.forEach(a::emit);
        await().atMost(Duration.ofSeconds(60)).until(() -> b.received.size() >= 20);
        a.stopBridge();
        List<DomainEvent> whileStopped = plans(2, 10);
        whileStopped.forEach(a::emit);
        a.start(kafka.bootstrapServers(), props("A", "out"));
        List<DomainEvent> all = new ArrayList<>(first);
        all.addAll(whileStopped);
        await().atMost(Duration.ofSeconds(60)).until(() -> b.received.size() >= 40);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.metric("out.pending") == 0);
        assertEquals("only the events after the checkpoint went out again", 20, a.metric("out.acked"));
        assertExactlyOnceInOrderPerPlan(all, b.received);
    }

    @Test
    public void aCheckpointTheJournalDoesNotHoldStopsTheOutboundSideWithTheReason() throws Exception {
        a.emit(DomainEvent.of(EventType.SESSION_STARTED));
        new OutboundCheckpoint(a.directory.resolve("data"), "main").write(DomainEvent.newUlid());
        a.start(kafka.bootstrapServers(), props("A", "out"));
        String outbound = a.bridge.status().get("outbound");
        assertTrue(outbound, outbound.startsWith("error: outbound stopped: "));
    }

    @Test
    public void latestStartsAfterTheJournalsLastEvent() throws Exception {
        plans(1, 5).forEach(a::emit);
        Map<String, Object> p = props("A", "out");
        p.put("outbound.start", "latest");
        a.start(kafka.bootstrapServers(), p);
        b.start(kafka.bootstrapServers(), props("B", "in"));
        List<DomainEvent> fresh = plans(1, 3);
        fresh.forEach(a::emit);
        await().atMost(Duration.ofSeconds(60)).until(() -> b.received.size() >= 3);
        assertExactlyOnceInOrderPerPlan(fresh, b.received);
    }

    @Test
    public void perDomainTopicsCarryEachDomain() throws Exception {
        Map<String, Object> pa = props("A", "out");
        pa.put("topic.layout", "per_domain");
        Map<String, Object> pb = props("B", "in");
        pb.put("topic.layout", "per_domain");
        a.start(kafka.bootstrapServers(), pa);
        b.start(kafka.bootstrapServers(), pb);
        List<DomainEvent> sent = List.of(DomainEvent.builder(EventType.PLAN_CREATED).planId("p").build(),
                DomainEvent.builder(EventType.TOOL_INVOKED).planId("p").build(),
                DomainEvent.builder(EventType.SESSION_STARTED).sessionId("s").build());
        sent.forEach(a::emit);
        await().atMost(Duration.ofSeconds(60)).until(() -> b.received.size() >= 3);
        assertEquals(sent.stream().map(DomainEvent::eventId).collect(Collectors.toSet()),
                b.received.stream().map(DomainEvent::eventId).collect(Collectors.toSet()));
        assertTrue(b.bridge.status().get("topics").endsWith(".<domain>"));
    }
}
