package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * {@code events:tail --from} on the built distribution (issue 15, part 2): catching up from an event id,
 * an instant and the beginning, then following a live event emitted by an attached second launcher; and
 * the one-line errors for an unparseable time and an unknown id.
 */
public class CatchUpTailIT {

    private static final String UNKNOWN_ID = "01KBN8XF4R4V2J5Q9T8M3C6W0Z";

    @Test
    public void catchesUpFromAnIdATimeAndTheBeginningThenFollowsAndRefusesBadInput() throws Exception {
        Path home = DistributionIT.freshCopy("catch-up-dist");
        try (ChildRuntime runtime = ChildRuntime.launch(home, "--timing")) {
            runtime.awaitStderr(ChildRuntime.ALL_ACTIVE);
            String a = emit(runtime, "plan.created --plan p-a");
            String b = emit(runtime, "plan.started --plan p-a");
            Instant between = Instant.now();
            String c = emit(runtime, "plan.completed --plan p-a");

            String fromB = runtime.command("events:tail --from " + b + " -n 2 --timeout 20");
            assertTrue(fromB, fromB.indexOf(b) >= 0 && fromB.indexOf(b) < fromB.indexOf(c));
            assertFalse(fromB, fromB.contains(a));
            String fromTime = runtime.command("events:tail --from " + between + " -n 1 --timeout 20");
            assertTrue(fromTime, fromTime.contains(c) && !fromTime.contains(b));
            String all = runtime.command("events:tail --from beginning -n 3 --timeout 20 'plan.*'");
            assertTrue(all, all.indexOf(a) < all.indexOf(b) && all.indexOf(b) < all.indexOf(c) && all.indexOf(a) >= 0);

            runtime.send("events:tail --from " + c + " -n 2 --timeout 60");
            runtime.awaitStdout(Pattern.compile("plan.completed " + c));
            try (ChildRuntime live = ChildRuntime.launch(home, "-c", "events:emit plan.failed --plan p-live")) {
                assertEquals(live.stderr(), 0, live.awaitExit(ChildRuntime.TIMEOUT));
            }
            runtime.awaitStdout(Pattern.compile("plan.failed \\w{26} plan=p-live"));

            try (ChildRuntime bad = ChildRuntime.launch(home, "-c", "events:tail --from yesterday")) {
                assertEquals(1, bad.awaitExit(ChildRuntime.TIMEOUT));
                assertTrue(bad.stderr(), bad.stderr().contains("gogo: CommandException: --from needs 'beginning', an event"
                        + " id (ULID) or an ISO-8601 instant such as 2026-11-25T11:00:00Z, got 'yesterday'\nusage: events:tail"));
                assertFalse(bad.stderr(), bad.stderr().contains("\tat "));
            }
            try (ChildRuntime unknown = ChildRuntime.launch(home, "-c", "events:tail --from " + UNKNOWN_ID)) {
                assertEquals(1, unknown.awaitExit(ChildRuntime.TIMEOUT));
                assertTrue(unknown.stderr(), unknown.stderr().contains("gogo: CommandException: tail --from: no event with id "
                        + UNKNOWN_ID + " in journal "));
                assertFalse(unknown.stderr(), unknown.stderr().contains("\tat "));
            }
        }
    }

    private static String emit(ChildRuntime runtime, String args) {
        Matcher m = Pattern.compile("emitted \\S+ (\\w{26}) on reactive").matcher(runtime.command("events:emit " + args));
        assertTrue(runtime.stdout(), m.find());
        return m.group(1);
    }
}
