package ai.cleveragents.events.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import ai.cleveragents.events.bridge.kafka.testing.EmbeddedKafka;

/**
 * Two distributions as child processes and one KRaft broker in this JVM (issue 19): events cross
 * exactly once, in order per plan, both ways, without echo; a 20 s broker outage and a {@code kill -9}
 * of the sender lose nothing and duplicate nothing at the receiver's journal; poison and unknown-type
 * records are counted and skipped. Each test uses its own topic and fresh copies of the distribution.
 */
public class KafkaBridgeIT {

    private static final Pattern COUNTER = Pattern.compile("([a-z_.]+)=(\\d+)");
    private static final Pattern RECORD = Pattern.compile("\"event_id\":\"(\\w{26})\".*?\"plan_id\":(null|\"([^\"]*)\")");
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static EmbeddedKafka kafka;

    @BeforeClass
    public static void broker() throws IOException {
        Path dir = Path.of("target", "kafka-it-broker");
        DistributionIT.deleteTree(dir);
        kafka = EmbeddedKafka.start(dir);
    }

    @AfterClass
    public static void stopBroker() {
        kafka.close();
    }

    private static Path runtime(String name, String node, String topic) throws IOException {
        Path home = DistributionIT.freshCopy("kafka-" + name);
        Files.writeString(home.resolve("conf/ai.cleveragents.events.bridge.kafka-main.cfg"), "bootstrap.servers="
                + kafka.bootstrapServers() + "\nname=main\nnode.id=" + node + "\ntopic=" + topic + "\nretry.backoff.ms=200\n",
                StandardCharsets.UTF_8);
        return home;
    }

    private static ChildRuntime launch(Path home) throws IOException {
        ChildRuntime r = ChildRuntime.launch(home);
        r.awaitStdout(Pattern.compile("g! "));
        return r;
    }

    /** @return the bridge's counters, from {@code kafka:status main} */
    static Map<String, Long> counters(ChildRuntime runtime) {
        String status = runtime.command("kafka:status main");
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : status.split("\n")) {
            if (line.trim().startsWith("counts: ")) {
                Matcher c = COUNTER.matcher(line);
                while (c.find()) {
                    m.put(c.group(1), Long.parseLong(c.group(2)));
                }
            }
        }
        return m;
    }

    private static void awaitCounter(ChildRuntime runtime, String name, long atLeast) {
        await(name + " >= " + atLeast).atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> counters(runtime).getOrDefault(name, -1L) >= atLeast);
    }

    /** @return (event id, plan id) of every journal record, in journal order */
    static List<String[]> journal(Path home) throws IOException {
        List<String[]> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(home.resolve("data/journal"))) {
            for (Path segment : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().collect(Collectors.toList())) {
                for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
                    Matcher m = RECORD.matcher(line);
                    assertTrue(line, m.find());
                    records.add(new String[] {m.group(1), m.group(3)});
                }
            }
        }
        return records;
    }

    private static Map<String, List<String>> perPlan(List<String[]> records, String planPrefix) {
        return records.stream().filter(r -> r[1] != null && r[1].startsWith(planPrefix)).collect(
                Collectors.groupingBy(r -> r[1], LinkedHashMap::new, Collectors.mapping(r -> r[0], Collectors.toList())));
    }

    private static void assertNoDuplicate(List<String[]> records) {
        List<String> ids = records.stream().map(r -> r[0]).collect(Collectors.toList());
        assertEquals("no event twice", ids.size(), new HashSet<>(ids).size());
    }

    private static void stop(ChildRuntime runtime) throws Exception {
        runtime.closeInput();
        runtime.awaitExit(ChildRuntime.TIMEOUT);
    }

    @Test
    public void aToBExactlyOnceInOrderPerPlanAndBackWithoutEcho() throws Exception {
        Path homeA = runtime("a1", "A", "both-ways");
        Path homeB = runtime("b1", "B", "both-ways");
        try (ChildRuntime a = launch(homeA); ChildRuntime b = launch(homeB)) {
            for (int plan = 1; plan <= 3; plan++) {
                a.command("events:emit plan.phase_changed step=x --plan a-" + plan + " --count 50");
            }
            awaitCounter(b, "in.emitted", 150);
            b.command("events:emit tool.invoked --plan b-1 --count 20");
            awaitCounter(a, "in.emitted", 20);
            awaitCounter(a, "out.loop_suppressed", 20);
            awaitCounter(b, "out.loop_suppressed", 150);
            Map<String, Long> ca = counters(a);
            Map<String, Long> cb = counters(b);
            assertEquals(ca.toString(), 150L, (long) ca.get("out.acked"));
            assertEquals(cb.toString(), 20L, (long) cb.get("out.acked"));
            assertEquals(cb.toString(), 150L, (long) cb.get("in.emitted"));
            assertEquals(ca.toString(), 20L, (long) ca.get("in.emitted"));
            stop(a);
            stop(b);
        }
        List<String[]> ja = journal(homeA);
        List<String[]> jb = journal(homeB);
        assertNoDuplicate(ja);
        assertNoDuplicate(jb);
        assertEquals(170, ja.size());
        assertEquals(170, jb.size());
        assertEquals("A's events in B, in A's order per plan", perPlan(ja, "a-"), perPlan(jb, "a-"));
        assertEquals("B's events in A, in B's order per plan", perPlan(jb, "b-"), perPlan(ja, "b-"));
    }

    @Test
    public void aBrokerOutageOf20sThenEveryEventOnce() throws Exception {
        Path homeA = runtime("a2", "A", "outage");
        Path homeB = runtime("b2", "B", "outage");
        try (ChildRuntime a = launch(homeA); ChildRuntime b = launch(homeB)) {
            a.command("events:emit plan.created --plan o-1 --count 10");
            awaitCounter(b, "in.emitted", 10);
            kafka.stop();
            a.command("events:emit plan.started --plan o-1 --count 100");
            awaitCounter(a, "out.lag.ms", 20_000);
            kafka.start();
            awaitCounter(b, "in.emitted", 110);
            await().atMost(WAIT).until(() -> counters(a).get("out.lag.ms") == 0);
            stop(a);
            stop(b);
        } finally {
            kafka.start();
        }
        List<String[]> jb = journal(homeB);
        assertNoDuplicate(jb);
        assertEquals(perPlan(journal(homeA), "o-"), perPlan(jb, "o-"));
    }

    @Test
    public void kill9OfTheSenderDuringOutboundLosesNothingAndBDedupes() throws Exception {
        Path homeA = runtime("a3", "A", "kill");
        Path homeB = runtime("b3", "B", "kill");
        try (ChildRuntime b = launch(homeB)) {
            try (ChildRuntime a = launch(homeA)) {
                a.send("events:emit plan.phase_changed --plan k-1 --count 5000");
                awaitCounter(b, "in.emitted", 1);
                a.kill();
            }
            int journaled = journal(homeA).size();
            try (ChildRuntime again = launch(homeA)) {
                awaitCounter(b, "in.emitted", journaled);
                await().atMost(WAIT).until(() -> counters(again).get("out.lag.ms") == 0);
                stop(again);
            }
            stop(b);
        }
        List<String[]> ja = journal(homeA);
        List<String[]> jb = journal(homeB);
        assertNoDuplicate(jb);
        assertEquals("every event A journaled reached B once, in order", perPlan(ja, "k-"), perPlan(jb, "k-"));
    }

    @Test
    public void poisonAndUnknownTypeRecordsAreCountedAndSkipped() throws Exception {
        Path homeA = runtime("a4", "A", "poison");
        Path homeB = runtime("b4", "B", "poison");
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
                ChildRuntime b = launch(homeB)) {
            raw.send(new ProducerRecord<>("poison", "{\"event_id\": tru".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>("poison", ("{\"event_id\":\"01KB0000000000000000000000\",\"event_type\":"
                    + "\"plan.teleported\",\"timestamp\":\"2026-11-25T11:00:00Z\",\"correlation_id\":"
                    + "\"01KB0000000000000000000001\",\"details\":{}}").getBytes(StandardCharsets.UTF_8))).get();
            try (ChildRuntime a = launch(homeA)) {
                a.command("events:emit plan.created --plan ok-1");
                awaitCounter(b, "in.emitted", 1);
                stop(a);
            }
            Map<String, Long> cb = counters(b);
            assertEquals(cb.toString(), 1L, (long) cb.get("in.rejected.malformed"));
            assertEquals(cb.toString(), 1L, (long) cb.get("in.rejected.unknown_type"));
            stop(b);
        }
        assertEquals(1, perPlan(journal(homeB), "ok-").get("ok-1").size());
    }
}
