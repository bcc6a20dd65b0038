package ai.cleveragents.events.karaf;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import ai.cleveragents.events.karaf.KarafInstance.ClientResult;

/**
 * The feature repository in a real Karaf 4.4.10: {@code feature:repo-add} by its Maven URL, {@code
 * feature:install}, then every check through Karaf's own ssh client in batch mode, where a command's
 * return value is thrown away and only what it prints reaches the operator (issue 17 point 5). The
 * example subscriber's SLF4J lines reach Karaf's own log through Pax Logging.
 */
public class KarafFeatureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String REPO = "mvn:ai.cleveragents.events/ai.cleveragents.events.features/"
            + System.getProperty("project.version") + "/xml/features";

    private static KarafInstance karaf;

    @BeforeClass
    public static void installFeatures() throws IOException {
        assumeTrue("Karaf 4.4.10 does not start on JDK 24 or later: set -Dkaraf.java.home to a JDK 17",
                KarafInstance.featureRelease(KarafInstance.javaHome()) < 24);
        karaf = KarafInstance.start(KarafInstance.path("karaf.home"), KarafInstance.path("karaf.system.dir"),
                KarafInstance.path("maven.repo.local"));
        ClientResult added = karaf.client("feature:repo-add " + REPO);
        assertEquals(added.output() + karaf.consoleLog(), 0, added.exitCode());
        ClientResult installed = karaf.client("feature:install cleveragents-events cleveragents-events-eventadmin"
                + " cleveragents-events-example");
        assertEquals(installed.output(), 0, installed.exitCode());
        assertThat(installed.output(), not(containsString("Error")));
    }

    @AfterClass
    public static void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    public void featuresAreInstalled() {
        String out = karaf.client("feature:list -i").output();
        assertThat(out, containsString("cleveragents-events-core"));
        assertThat(out, containsString("cleveragents-events-eventadmin"));
        assertThat(out, containsString("cleveragents-events-example"));
    }

    @Test
    public void bothBusesAreListedThroughTheSshClient() {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            String out = karaf.client("events:buses").output();
            assertThat(out, containsString("ai.cleveragents.events.bus.reactive"));
            assertThat(out, containsString("ai.cleveragents.events.bus.logging"));
        });
    }

    @Test
    public void anEmittedEventIsJournalledUnderKarafData() throws IOException {
        await().atMost(TIMEOUT).until(() -> karaf.client("events:buses").output().contains("reactive"));
        ClientResult emitted = karaf.client("events:emit plan.created --plan karaf-it-plan note=from-karaf");
        assertEquals(emitted.output(), 0, emitted.exitCode());
        assertThat(emitted.output(), containsString("plan.created"));
        Path journal = karaf.data().resolve("cleveragents-events/journal");
        await().atMost(TIMEOUT).until(() -> journalText(journal).contains("karaf-it-plan"));
        String replay = karaf.client("events:journal --type plan.created").output();
        assertThat(replay, containsString("karaf-it-plan"));
        Path log = karaf.data().resolve("log/karaf.log");
        await().atMost(TIMEOUT).until(() -> Files.readString(log, StandardCharsets.UTF_8)
                .contains("example subscriber received plan.created"));
    }

    @Test
    public void aCreatedPlanFeedsTheNextCommandAndBothPrint() {
        await().atMost(TIMEOUT).until(() -> karaf.client("events:buses").output().contains("reactive"));
        String out = karaf.client("p = plan:create deploy --project demo --session s-1 --actor karaf-it;"
                + " plan:execute ($p id)").output();
        assertThat(out, containsString("deploy"));
        assertThat(out.toLowerCase(java.util.Locale.ROOT), containsString("completed"));
    }

    @Test
    public void aBadArgumentPrintsItsOneLineError() {
        await().atMost(TIMEOUT).until(() -> karaf.client("events:buses").output().contains("reactive"));
        String out = karaf.client("events:emit no.such_type").output();
        assertThat(out, containsString("no.such_type"));
        assertThat(out, not(containsString("\tat ")));
    }

    private static String journalText(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        assertTrue(dir.toString(), dir.startsWith(karaf.data()));
        return text.toString();
    }
}
