package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Garbage arguments into every Gogo command of the distribution (issue 9, docs/reliability.md): each
 * of the 16 {@code events:}, {@code plan:} and {@code decision:} commands gets 14 kinds of garbage in
 * one running console. Each call must end (the console answers the next line), print no stack trace
 * and no unexpected exception type, and the runtime must still emit and stop cleanly afterwards.
 * {@code events:tail} only gets garbage it must refuse, since a valid call follows the stream.
 */
public class ShellGarbageIT {

    private static final List<String> COMMANDS = List.of("events:buses", "events:emit", "events:stats",
            "events:subscribers", "events:journal", "events:tail", "events:health", "plan:create", "plan:execute", "plan:fail",
            "plan:cancel", "plan:show", "decision:record", "decision:list", "decision:supersede", "decision:revert");
    private static final List<String> GARBAGE = List.of("--bogus", "-n", "-n -1", "-n 99999999999999999999",
            "zzzz", "01ZZZZZZZZZZZZZZZZZZZZZZZZ", "=", "a= =b", "--plan", "--from 2026-13-45T99:99:99Z",
            "x".repeat(5_000), "\"unterminated", "1 2 3 4 5 6 7 8 9", "--type nosuch.*");
    /** What a command's failure may not look like: a stack trace, or an exception no command should throw. */
    private static final Pattern UNEXPECTED = Pattern.compile(
            "\\tat |Exception in thread|NullPointerException|ClassCastException|IndexOutOfBounds|NumberFormatException");
    private static Path home;

    @BeforeClass
    public static void copyDistribution() throws IOException {
        home = DistributionIT.freshCopy("garbage-dist");
    }

    @Test
    public void everyCommandRefusesGarbageWithAClearErrorAndTheRuntimeKeepsRunning() throws Exception {
        List<String> unexpected = new ArrayList<>();
        int calls = 0;
        try (ChildRuntime runtime = ChildRuntime.launch(home)) {
            runtime.awaitStdout(Pattern.compile("g! "));
            for (String command : COMMANDS) {
                for (String garbage : GARBAGE) {
                    String line = command + " " + garbage;
                    String out = runtime.command(line);
                    calls++;
                    if (UNEXPECTED.matcher(out).find()) {
                        unexpected.add(line.substring(0, Math.min(80, line.length())) + " -> " + out);
                    }
                }
            }
            String emitted = runtime.command("events:emit plan.created --plan p-after-garbage");
            assertTrue("still emitting: " + emitted, emitted.contains("emitted plan.created"));
            runtime.send("stop 0");
            assertEquals(0, runtime.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue("stack traces on stderr: " + runtime.stderr(), !UNEXPECTED.matcher(runtime.stderr()).find());
        }
        System.out.printf("shell garbage: %d calls (%d commands x %d kinds of garbage)%n", calls, COMMANDS.size(),
                GARBAGE.size());
        assertTrue(unexpected.size() + " calls failed badly: " + unexpected, unexpected.isEmpty());
    }
}
