package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Issue 15, part 1, on the built distribution (copied to {@code target/services-dist}): plans and
 * decisions created by one {@code ./run -c …} are listed, looked up, advanced and decided on by the
 * next, rebuilt from the journal; a runtime killed with SIGKILL as it starts and serves its first
 * {@code plan:list} (during or just after the services' rebuild) loses nothing: the rebuild only reads.
 * A stop writes the services' snapshots, owner-only and holding no secret the journal does not.
 */
public class ServicesRestartIT {

    private static final Pattern PLAN_ID = Pattern.compile("(?m)^plan\\s+(\\w{26})\\s*$");
    private static final int PLANS = 200;
    private static Path home;

    @BeforeClass
    public static void copyDistribution() throws IOException {
        home = DistributionIT.freshCopy("services-dist");
    }

    @Test
    public void aPlanAndItsDecisionFromOneRunAreListedAdvancedAndDecidedInTheNext() throws Exception {
        String planId;
        try (ChildRuntime first = ChildRuntime.launch(home, "-c",
                "p = plan:create deploy --project restart --session s-1 --actor me env=prod password=hunter2", "-c",
                "decision:record ($p id) model \"which model?\" small")) {
            assertEquals(first.stderr(), 0, first.awaitExit(ChildRuntime.TIMEOUT));
            Matcher m = PLAN_ID.matcher(first.stdout());
            assertTrue(first.stdout(), m.find());
            planId = m.group(1);
        }
        Path snapshot = snapshot("plans.snapshot");
        assertTrue("the stop wrote the plan service's snapshot", Files.readString(snapshot).contains(planId));
        assertFalse("the snapshot holds what the journal holds: the secret redacted",
                Files.readString(snapshot).contains("hunter2"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshot)));
        assertTrue(Files.readString(snapshot("decisions.snapshot")).contains("which model?"));
        try (ChildRuntime second = ChildRuntime.launch(home, "-c", "plan:list", "-c", "decision:list " + planId,
                "-c", "plan:execute " + planId)) {
            assertEquals(second.stderr(), 0, second.awaitExit(ChildRuntime.TIMEOUT));
            String out = second.stdout();
            assertTrue(out, Pattern.compile("(?m)^" + planId + "\\s+deploy\\s+created\\s+restart\\b").matcher(out).find());
            assertTrue(out, out.contains("which model?"));
            String log = out + second.stderr();
            assertTrue("the restart starts from the snapshots the first run's stop wrote:\n" + log,
                    log.contains("plan service rebuilt from its snapshot ("));
            assertTrue(out, Pattern.compile("(?m)^phase\\s+completed\\s*$").matcher(out).find());
        }
        try (ChildRuntime third = ChildRuntime.launch(home, "-c", "plan:cancel " + planId + " late")) {
            assertEquals("a completed plan stays completed after a restart", 1, third.awaitExit(ChildRuntime.TIMEOUT));
            String output = third.stdout() + third.stderr();
            assertTrue(output, output.contains("final phase"));
        }
    }

    private static Path snapshot(String name) throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("data"))) {
            return files.filter(f -> f.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not found under " + home.resolve("data")));
        }
    }

    @Test
    public void sigkillWhileTheServicesRebuildLosesNothing() throws Exception {
        try (ChildRuntime filler = ChildRuntime.launch(home)) {
            filler.awaitStdout(Pattern.compile("g! "));
            for (int i = 0; i < PLANS; i++) {
                filler.send("plan:create job-" + i + " --project sigkill --session s --actor me");
            }
            filler.command("plan:list");
            filler.kill();
        }
        for (int kill = 1; kill <= 3; kill++) {
            try (ChildRuntime runtime = ChildRuntime.launch(home)) {
                runtime.awaitStdout(Pattern.compile("g! "));
                runtime.send("plan:list");
                runtime.kill();
            }
        }
        try (ChildRuntime after = ChildRuntime.launch(home, "-c", "plan:list", "-c", "events:journal --verify")) {
            assertEquals(after.stderr(), 0, after.awaitExit(ChildRuntime.TIMEOUT));
            for (int i = 0; i < PLANS; i++) {
                assertTrue("job-" + i + " listed:\n" + after.stdout(),
                        Pattern.compile("(?m)\\bjob-" + i + "\\s+created\\s+sigkill\\b").matcher(after.stdout()).find());
            }
            assertTrue(after.stdout(), after.stdout().contains("journal OK: "));
        }
    }
}
