package ai.cleveragents.events.runtime;

import static ai.cleveragents.events.runtime.DistributionIT.freshCopy;
import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Issue 16 end to end on the built distribution (and issue 13's redaction at rest: the journal files): a corpus of secret spellings and carriers, and an
 * injection corpus, typed into the real Gogo console; then every output is searched. The logging bus is
 * bound first (its records go to {@code data/log/runtime.log}, written on the console's thread), then
 * the reactive bus (its journal feeds {@code events:journal}); finally a {@code .cfg} dropped into
 * {@code conf/} changes the redaction policy, through FileInstall, for the running shell.
 */
public class SecretsIT {

    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtand0In0.c2VjcmV0LXNpZy1qd3Q";
    static final List<String> SECRETS = List.of("S1-hunter2", "S2-pwd", "S3-apikey", "S4-otp", "S5-json", "S6-urlpass",
            "S7bearertoken", "S8-passphrase", "S9-sessionid", JWT);
    static final List<String> VISIBLE = List.of("visible-step", "visible-actor", "prompt_tokens", "bob");
    static final String CORPUS = "password=S1-hunter2 pwd=S2-pwd 'nested={\"deeper\":{\"api_key\":\"S3-apikey\"}}'"
            + " 'steps=[{\"otp\":\"S4-otp\"},\"visible-step\"]' 'body=\"{\\\"client_secret\\\":\\\"S5-json\\\"}\"'"
            + " 'url=https://bob:S6-urlpass@host/x' 'header=Bearer S7bearertoken' passphrase=S8-passphrase"
            + " sessionId=S9-sessionid prompt_tokens=12 --session " + JWT + " --actor visible-actor";
    static final String INJECTION = "'note=\"a\\nFORGED INFO line \\u001b[31mred \\u001b]0;title\\u0007 \\u009b2J"
            + " \\u202eevil \\u2028sep\"'";

    @Test
    public void noSecretInAnyOutputNoRawControlCharacterInHumanOutputOwnerOnlyLogs() throws Exception {
        Path home = freshCopy("it-secrets");
        Path loggingBusFirst = home.resolve("conf/ai.cleveragents.events.bus.logging.cfg");
        Files.writeString(loggingBusFirst, "service.ranking=200\n");
        List<String> console = new ArrayList<>();
        try (ChildRuntime runtime = ChildRuntime.launch(home, "--timing")) {
            runtime.awaitStderr(ChildRuntime.ALL_ACTIVE);
            await().atMost(ChildRuntime.TIMEOUT).until(() -> bound(runtime.command("events:buses"), "logging"));
            console.add(runtime.command("events:emit tool.invoked " + CORPUS));
            console.add(runtime.command("events:emit tool.failed " + INJECTION));

            Files.delete(loggingBusFirst);
            await().atMost(ChildRuntime.TIMEOUT).until(() -> bound(runtime.command("events:buses"), "reactive"));
            console.add(runtime.command("events:emit tool.invoked " + CORPUS));
            console.add(runtime.command("events:emit tool.failed " + INJECTION));
            String journal = runtime.command("events:journal -n 2");
            String json = runtime.command("events:journal -n 2 --json");
            assertHuman(journal);
            assertHuman(json);
            assertTrue(journal, journal.contains("a\\nFORGED INFO line \\u001B[31mred"));
            assertTrue(json, json.contains("\"password\":\"***\""));
            console.add(journal);
            console.add(json);

            followsAPolicyDroppedIntoConf(runtime, home);
            runtime.send("stop 0");
            assertEquals(runtime.stderr(), 0, runtime.awaitExit(ChildRuntime.TIMEOUT));
            console.add(runtime.stdout());
            console.add(runtime.stderr());
        }
        String logs = logs(home.resolve("data/log"));
        assertTrue(logs, logs.contains("details.password=\"***\""));
        assertHuman(logs);
        for (String secret : SECRETS) {
            assertFalse(secret + " in the log", logs.contains(secret));
            console.forEach(out -> assertFalse(secret + " on the console:\n" + out, out.contains(secret)));
        }
        for (String visible : VISIBLE) {
            assertTrue(visible, logs.contains(visible) && String.join("", console).contains(visible));
        }
        String journalFiles = logs(home.resolve("data/journal"));
        assertTrue(journalFiles, journalFiles.contains("\"password\":\"***\""));
        for (String secret : SECRETS) {
            assertFalse(secret + " in the journal files (journal.redact)", journalFiles.contains(secret));
        }
    }

    private static void followsAPolicyDroppedIntoConf(ChildRuntime runtime, Path home) throws IOException {
        Files.writeString(home.resolve("conf/ai.cleveragents.events.redaction.cfg"), "key.pattern=^ssn$\n");
        AtomicInteger attempt = new AtomicInteger();
        await().atMost(ChildRuntime.TIMEOUT).until(() -> {
            String ssn = "ssn-" + attempt.incrementAndGet();
            runtime.command("events:emit session.started ssn=" + ssn);
            return !runtime.command("events:journal -n 1").contains(ssn);
        });
    }

    private static boolean bound(String buses, String name) {
        return Pattern.compile("(?m)^\\*\\s+\\d+\\s+" + name + "\\s").matcher(buses).find();
    }

    /** No raw control, bidi or separator character, line feeds aside. */
    private static void assertHuman(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= '\u2028' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069');
            assertFalse("raw U+" + Integer.toHexString(c) + " at " + i + " in:\n" + text, unsafe);
        }
    }

    private static String logs(Path folder) throws IOException {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                assertEquals(file.toString(), "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
