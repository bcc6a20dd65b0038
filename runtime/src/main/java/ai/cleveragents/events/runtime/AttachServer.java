package ai.cleveragents.events.runtime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Serves the console socket of a running runtime: each connection, from the socket owner's user only
 * (checked with {@code SO_PEERCRED}), sends Gogo commands that run in a session of their own, and gets
 * their output and exit status back (see {@link AttachProtocol}). Connections are served concurrently.
 */
final class AttachServer implements AutoCloseable {

    /** Runs commands against the framework, like {@code -c} does. */
    @FunctionalInterface
    interface CommandRunner {
        int run(List<String> commands, PrintStream out, PrintStream err) throws InterruptedException;
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final CommandRunner runner;
    private final PrintStream log;
    private final AtomicInteger connections = new AtomicInteger();
    private final ExecutorService sessions = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "cleveragents-events attach " + connections.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private AttachServer(Path socket, ServerSocketChannel server, CommandRunner runner, PrintStream log) {
        this.socket = socket;
        this.server = server;
        this.runner = runner;
        this.log = log;
    }

    /**
     * Binds the socket (replacing a stale one: the caller holds the instance lock), makes it owner-only
     * and starts accepting.
     *
     * @param socket the socket file
     * @param runner what runs the commands
     * @param log    where connection failures are reported, one line each
     * @return the running server
     * @throws IOException if the socket cannot be bound or its mode set
     */
    static AttachServer open(Path socket, CommandRunner runner, PrintStream log) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, ConsoleSocket.OWNER_ONLY);
        } catch (IOException | UnsupportedOperationException e) {
            server.close();
            throw e;
        }
        AttachServer attach = new AttachServer(socket, server, runner, log);
        Thread acceptor = new Thread(attach::accept, "cleveragents-events attach");
        acceptor.setDaemon(true);
        acceptor.start();
        return attach;
    }

    private void accept() {
        try {
            while (true) {
                SocketChannel client = server.accept();
                sessions.execute(() -> serve(client));
            }
        } catch (ClosedChannelException closed) {
            // close() ends the loop
        } catch (IOException e) {
            log.println("cleveragents-events: console socket stopped accepting: " + FrameworkLog.rootCause(e));
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!peer.user().equals(Files.getOwner(socket))) {
                log.println("cleveragents-events: refused an attach from user " + peer.user().getName());
                return;
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            List<String> commands = AttachProtocol.readCommands(in);
            int status = runner.run(commands, AttachProtocol.frames(out, AttachProtocol.OUT),
                    AttachProtocol.frames(out, AttachProtocol.ERR));
            AttachProtocol.writeExit(out, status);
        } catch (IOException e) {
            log.println("cleveragents-events: attach session ended: " + FrameworkLog.rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting, ends the sessions' threads when their commands return, and removes the socket. */
    @Override
    public void close() throws IOException {
        server.close();
        sessions.shutdown();
        Files.deleteIfExists(socket);
    }
}
