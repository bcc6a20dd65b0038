package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Events the journal could not read back are refused when they are emitted, in the real distribution
 * (issue 13): a detail key over the limit given on the command line, a 1.1 MB detail typed at the
 * console (the interactive console prints command errors on standard output). Nothing acknowledged is lost at the next start, nothing is cut, and the journal verifies.
 */
public class JournalLimitsIT {

    private static Path home;

    @BeforeClass
    public static void copyDistribution() throws IOException {
        home = DistributionIT.freshCopy("limits-dist");
    }

    @Test
    public void oversizedEventsAreRefusedAtEmitAndTheJournalStaysWhole() throws Exception {
        try (ChildRuntime run = ChildRuntime.launch(home, "-c", "events:emit tool.invoked " + "k".repeat(60_000) + "=1")) {
            assertEquals(run.stderr(), 1, run.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(run.stderr(), run.stderr().contains("a detail key at details has 60000 characters, over the limit"
                    + " of 10000 (EventLimits.MAX_KEY_LENGTH)"));
        }
        String acknowledged;
        try (ChildRuntime console = ChildRuntime.launch(home)) {
            console.awaitStdout(Pattern.compile("g! "));
            console.send("events:emit tool.invoked blob=" + "x".repeat(1_100_000));
            console.awaitStdout(Pattern.compile("gogo: CommandException: event rejected: the reactive bus journal refused event \\w{26}: event"
                    + " \\w{26} encodes to \\d+ bytes, over the limit of 1048576 bytes"));
            acknowledged = console.command("events:emit tool.invoked n=1");
            assertTrue(acknowledged, acknowledged.contains("emitted tool.invoked "));
            console.closeInput();
            assertEquals(console.stderr(), 0, console.awaitExit(ChildRuntime.TIMEOUT));
        }
        try (ChildRuntime again = ChildRuntime.launch(home, "-c", "events:journal --verify", "-c", "events:journal")) {
            assertEquals(again.stderr(), 0, again.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(again.stdout(), again.stdout().contains("journal OK: 1 records in 1 segment, seq 1..1"));
            String id = acknowledged.replaceAll("(?s).*emitted tool\\.invoked (\\w{26}) .*", "$1");
            assertTrue(again.stdout(), again.stdout().contains(id));
            assertFalse(again.stderr(), again.stderr().contains("cut an unfinished write"));
        }
    }
}
