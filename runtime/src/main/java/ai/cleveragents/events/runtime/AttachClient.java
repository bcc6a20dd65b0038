package ai.cleveragents.events.runtime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs {@code -c} commands in the runtime that holds the distribution folder, through its console socket,
 * printing their output as a local run would and returning their exit status.
 */
final class AttachClient {

    private static final long POLL_MS = 50;

    private AttachClient() {
    }

    /**
     * @param socket   the runtime's console socket
     * @param commands the commands
     * @param out      where their output goes
     * @param err      where their errors go
     * @param wait     how long to wait for the socket of a runtime still starting
     * @return their exit status
     * @throws IOException           if the socket is missing after {@code wait}, refuses the connection
     *                               or closes before the commands ended
     * @throws IllegalStateException if the socket is not owner-only (see {@link ConsoleSocket})
     * @throws InterruptedException  if interrupted while waiting for the socket
     */
    static int run(Path socket, List<String> commands, PrintStream out, PrintStream err, Duration wait)
            throws IOException, InterruptedException {
        awaitSocket(socket, wait);
        ConsoleSocket.checkOwnerOnly(socket);
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            AttachProtocol.writeCommands(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))),
                    commands);
            return AttachProtocol.readReplies(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))),
                    out, err);
        } catch (EOFException e) {
            throw new IOException("the runtime closed " + socket + " before the commands ended", e);
        }
    }

    private static void awaitSocket(Path socket, Duration wait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!Files.exists(socket)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("another runtime holds " + socket.getParent() + " but offers no console socket "
                        + socket.getFileName() + " after " + wait.toSeconds() + " s");
            }
            Thread.sleep(POLL_MS);
        }
    }
}
