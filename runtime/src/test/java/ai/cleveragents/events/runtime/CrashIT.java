package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Crash during durable emission (issue 9, docs/reliability.md): the distribution (copied to
 * {@code target/crash-dist}) runs its console, which is fed {@code events:emit} commands as fast as it
 * takes them (journal durability {@code group}, the default); once a random number of them has been
 * acknowledged ({@code emitted <type> <id> on reactive} printed after {@code emit} returned) the JVM is
 * killed with SIGKILL. Then the runtime starts again ({@code --timing -c events:stats}: every bundle
 * active, exit status 0, {@code events:journal --verify} clean): every acknowledged id is in the journal,
 * and every segment line is a whole record (a torn tail is cut at recovery).
 * 3 kills in the default build, 10 with {@code -Psoak}.
 */
public class CrashIT {

    private static final int KILLS = Boolean.getBoolean("soak") ? 10 : 3;
    private static final Pattern ACKNOWLEDGED = Pattern.compile("emitted tool\\.invoked (\\w{26}) on reactive");
    private static final Pattern EVENT_ID = Pattern.compile("^\\{\"seq\":\\d+,\"prev\":\"[\\w-]{43}\",\"emitter\":\"[^\"]+\","
            + "\"event_id\":\"(\\w{26})\".*\\}\\}$");
    private static Path home;

    @BeforeClass
    public static void copyDistribution() throws IOException {
        home = DistributionIT.freshCopy("crash-dist");
    }

    @Test
    public void everyAcknowledgedEventSurvivesSigkillAndTheRuntimeStartsAgain() throws Exception {
        Random random = new Random(Long.getLong("crash.seed", 4));
        Set<String> acknowledged = new LinkedHashSet<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            int before = 5 + random.nextInt(150);
            acknowledged.addAll(emitUntilKilled(before));
            try (ChildRuntime again = ChildRuntime.launch(home, "--timing", "-c", "events:stats", "-c",
                    "events:journal --verify")) {
                assertEquals(again.stderr(), 0, again.awaitExit(ChildRuntime.TIMEOUT));
                assertTrue("the journal verifies after kill " + kill + ": " + again.stdout(),
                        again.stdout().contains("journal OK: "));
                assertTrue("every bundle active after kill " + kill + ": " + again.stderr(),
                        ChildRuntime.ALL_ACTIVE.matcher(again.stderr()).find());
            }
            Set<String> journaled = journaledIds();
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(journaled);
            assertTrue("kill " + kill + ": acknowledged but not in the journal: " + missing, missing.isEmpty());
            System.out.printf("crash %d: killed after %d acknowledged emits; %d acknowledged in all, %d in the "
                    + "journal%n", kill, before, acknowledged.size(), journaled.size());
        }
    }

    /** Feeds emits to a fresh runtime, kills it once {@code atLeast} are acknowledged; returns the acknowledged ids. */
    private static Set<String> emitUntilKilled(int atLeast) throws Exception {
        try (ChildRuntime runtime = ChildRuntime.launch(home)) {
            runtime.awaitStdout(Pattern.compile("g! "));
            for (int i = 0; i < atLeast + 300; i++) {
                runtime.send("events:emit tool.invoked n=" + i);
            }
            Awaitility.await().atMost(ChildRuntime.TIMEOUT).until(() -> acknowledgedIn(runtime.stdout()).size() >= atLeast);
            runtime.kill();
            return acknowledgedIn(runtime.stdout());
        }
    }

    private static Set<String> acknowledgedIn(String stdout) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ACKNOWLEDGED.matcher(stdout);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** @return the ids of every journal line, failing on a line that is not a whole event */
    private static Set<String> journaledIds() throws IOException {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(home.resolve("data/journal"))) {
            for (Path segment : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().collect(Collectors.toList())) {
                List<String> lines = Files.readAllLines(segment, StandardCharsets.UTF_8);
                byte[] bytes = Files.readAllBytes(segment);
                assertTrue(segment + " ends with a whole line", bytes.length == 0 || bytes[bytes.length - 1] == '\n');
                for (String line : lines) {
                    Matcher m = EVENT_ID.matcher(line);
                    assertTrue(segment + ": not a whole event: " + line, m.matches());
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }
}
