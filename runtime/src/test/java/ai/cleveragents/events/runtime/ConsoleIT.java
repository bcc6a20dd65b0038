package ai.cleveragents.events.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * The JLine console on a real terminal: the distribution in a tmux pane of 120x30 (JLine needs a window
 * size), typed into like a person would. Completion of command names and event type ids, UTF-8 input
 * ({@code café}, an emoji) reaching the journal intact, and the history in {@code data/history},
 * owner-only. Skipped where tmux is not installed.
 */
public class ConsoleIT {

    private final String session = "console-it-" + UUID.randomUUID();

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + " did not end", p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    private static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String screen() throws IOException, InterruptedException {
        return run("tmux", "capture-pane", "-p", "-J", "-t", session);
    }

    private void type(String... keys) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("tmux", "send-keys", "-t", session));
        command.addAll(List.of(keys));
        run(command.toArray(String[]::new));
    }

    private void awaitScreen(String text) {
        await("screen showing " + text).atMost(ChildRuntime.TIMEOUT).until(() -> screen().contains(text));
    }

    @Test
    public void completionUtf8AndHistoryOnARealTerminal() throws Exception {
        assumeTrue("tmux drives the terminal", tmuxInstalled());
        Path home = DistributionIT.freshCopy("console-dist");
        run("tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "30",
                "cd '" + home + "' && LANG=C.UTF-8 bin/cleveragents-events 2>console.err; echo exit=$? > console.exit");
        try {
            awaitScreen("g! ");
            type("events:em", "Tab");
            awaitScreen("g! events:emit");
            type(" plan.cr", "Tab");
            awaitScreen("plan.created");
            type(" name=café mood=🎉 --plan p-console", "Enter");
            awaitScreen("emitted plan.created");
            type("stop 0", "Enter");
            await().atMost(ChildRuntime.TIMEOUT).until(() -> Files.exists(home.resolve("console.exit")));
        } finally {
            run("tmux", "kill-session", "-t", session);
        }
        assertEquals("exit=0", Files.readString(home.resolve("console.exit")).strip());
        String stderr = Files.readString(home.resolve("console.err"));
        assertTrue(stderr, !stderr.contains("dumb terminal"));
        try (ChildRuntime journal = ChildRuntime.launch(home, "-c", "events:journal --json -n 1")) {
            assertEquals(journal.stderr(), 0, journal.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(journal.stdout(), journal.stdout().contains("\"details\":{\"name\":\"café\",\"mood\":\"\\uD83C\\uDF89\"}"));
        }
        Path history = home.resolve("data/history");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        assertTrue(Files.readString(history).contains("name=café mood=🎉 --plan p-console"));
    }
}
