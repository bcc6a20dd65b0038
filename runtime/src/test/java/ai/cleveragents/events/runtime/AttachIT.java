package ai.cleveragents.events.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Issue 17: a runtime started with {@code --daemon} (no console) and second launchers that run their
 * {@code -c} commands in it through {@code data/console.sock}: output, exit status, two at once, UTF-8,
 * a socket open to others or owned by someone else refused, and {@code stop 0} ending the daemon (the
 * last test, by name).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AttachIT {

    private static Path home;
    private static Path socket;
    private static ChildRuntime daemon;

    @BeforeClass
    public static void startDaemon() throws IOException {
        home = DistributionIT.freshCopy("attach-dist");
        socket = home.resolve("data/" + ConsoleSocket.FILE_NAME);
        daemon = ChildRuntime.launch(home, "--daemon", "--timing");
        daemon.awaitStderr(ChildRuntime.ALL_ACTIVE);
    }

    @AfterClass
    public static void stopDaemon() {
        daemon.close();
    }

    @Test
    public void theSocketIsOwnerOnly() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    }

    @Test
    public void commandsRunInTheRunningRuntimeWithTheirOutputAndStatus() throws Exception {
        try (ChildRuntime ok = ChildRuntime.launch(home, "-c", "events:emit plan.created name=café mood=🎉 --plan p-attach",
                "-c", "events:journal --json -n 1")) {
            assertEquals(ok.stderr(), 0, ok.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(ok.stdout(), ok.stdout().contains("emitted plan.created"));
            assertTrue(ok.stdout(), ok.stdout().contains("\"details\":{\"name\":\"café\",\"mood\":\"\\uD83C\\uDF89\"}"));
        }
        try (ChildRuntime bad = ChildRuntime.launch(home, "-c", "events:emit plan.nope", "-c", "echo not-reached")) {
            assertEquals(1, bad.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(bad.stderr(), bad.stderr().startsWith("gogo: CommandException: unknown event type 'plan.nope'"));
            assertFalse(bad.stdout(), bad.stdout().contains("not-reached"));
        }
    }

    @Test
    public void twoAttachersAtOnce() throws Exception {
        try (ChildRuntime a = ChildRuntime.launch(home, "-c", "events:tail -n 1 --timeout 30 session.started",
                "-c", "echo a-done");
                ChildRuntime b = ChildRuntime.launch(home, "-c", "events:subscribers")) {
            // b sees a's tail subscribed: both sessions are live in the runtime at the same time
            try (ChildRuntime emitter = awaitTailThenEmit()) {
                assertEquals(emitter.stderr(), 0, emitter.awaitExit(ChildRuntime.TIMEOUT));
            }
            assertEquals(a.stderr(), 0, a.awaitExit(ChildRuntime.TIMEOUT));
            assertEquals(b.stderr(), 0, b.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(a.stdout(), Pattern.compile("session.started \\w{26} session=s-both").matcher(a.stdout()).find());
            assertTrue(a.stdout(), a.stdout().endsWith("a-done\n"));
        }
    }

    private static ChildRuntime awaitTailThenEmit() throws Exception {
        await().atMost(ChildRuntime.TIMEOUT).until(() -> {
            try (ChildRuntime probe = ChildRuntime.launch(home, "-c", "events:subscribers")) {
                probe.awaitExit(ChildRuntime.TIMEOUT);
                return probe.stdout().contains("session.started");
            }
        });
        return ChildRuntime.launch(home, "-c", "events:emit session.started --session s-both");
    }

    @Test
    public void aSocketOpenToOthersIsRefused() throws Exception {
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (ChildRuntime refused = ChildRuntime.launch(home, "-c", "events:buses")) {
            assertEquals(1, refused.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(refused.stderr(), refused.stderr().contains("refusing to attach: " + socket
                    + " is open to other users (mode rw-rw-rw-, expected rw-------)"));
            assertEquals("", refused.stdout());
        } finally {
            Files.setPosixFilePermissions(socket, ConsoleSocket.OWNER_ONLY);
        }
    }

    @Test
    public void aSocketOfAnotherUserIsRefused() throws Exception {
        assumeTrue("changing a file's owner needs root", "root".equals(System.getProperty("user.name")));
        UserPrincipal me = Files.getOwner(socket);
        Files.setOwner(socket, socket.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        try (ChildRuntime refused = ChildRuntime.launch(home, "-c", "events:buses")) {
            assertEquals(1, refused.awaitExit(ChildRuntime.TIMEOUT));
            assertTrue(refused.stderr(), refused.stderr().contains("refusing to attach: " + socket
                    + " belongs to nobody, not root"));
        } finally {
            Files.setOwner(socket, me);
        }
    }

    @Test
    public void zzStopThroughTheSocketEndsTheDaemon() throws Exception {
        try (ChildRuntime stop = ChildRuntime.launch(home, "-c", "stop 0")) {
            assertEquals(stop.stderr(), 0, stop.awaitExit(ChildRuntime.TIMEOUT));
        }
        assertEquals(daemon.stderr(), 0, daemon.awaitExit(ChildRuntime.TIMEOUT));
        assertFalse("the socket is removed", Files.exists(socket));
    }
}
