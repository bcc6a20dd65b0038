package ai.cleveragents.events.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The attach wire format on the console socket. The client sends a version, the number of commands and
 * each command as length-prefixed UTF-8; the runtime answers with frames, each a kind byte and an int:
 * {@link #OUT} or {@link #ERR} then that many bytes of output, or {@link #EXIT} then the exit status,
 * which ends the conversation.
 */
final class AttachProtocol {

    static final int VERSION = 1;
    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    static final int MAX_COMMANDS = 1_000;
    static final int MAX_COMMAND_BYTES = 1 << 20;

    private AttachProtocol() {
    }

    /**
     * @param out      the socket's output
     * @param commands the Gogo commands to run
     * @throws IOException if the socket fails
     */
    static void writeCommands(DataOutputStream out, List<String> commands) throws IOException {
        out.writeInt(VERSION);
        out.writeInt(commands.size());
        for (String command : commands) {
            byte[] bytes = command.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        out.flush();
    }

    /**
     * @param in the socket's input
     * @return the commands the client sent
     * @throws IOException if the socket fails or the request is not this protocol or over its limits
     */
    static List<String> readCommands(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("attach protocol version " + version + ", expected " + VERSION);
        }
        int count = in.readInt();
        if (count < 1 || count > MAX_COMMANDS) {
            throw new IOException(count + " commands, expected 1 to " + MAX_COMMANDS);
        }
        List<String> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.readInt();
            if (length < 0 || length > MAX_COMMAND_BYTES) {
                throw new IOException("a command of " + length + " bytes, expected at most " + MAX_COMMAND_BYTES);
            }
            commands.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return commands;
    }

    /**
     * @param socket the socket's output, shared by both streams
     * @param kind   {@link #OUT} or {@link #ERR}
     * @return a stream whose every write becomes one frame of that kind
     */
    static PrintStream frames(DataOutputStream socket, byte kind) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                synchronized (socket) {
                    socket.writeByte(kind);
                    socket.writeInt(len);
                    socket.write(b, off, len);
                    socket.flush();
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    /**
     * @param socket the socket's output
     * @param status the exit status of the commands
     * @throws IOException if the socket fails
     */
    static void writeExit(DataOutputStream socket, int status) throws IOException {
        synchronized (socket) {
            socket.writeByte(EXIT);
            socket.writeInt(status);
            socket.flush();
        }
    }

    /**
     * Copies output frames to {@code out} and {@code err} until the exit frame.
     *
     * @return the exit status the runtime sent
     * @throws IOException if the socket fails or closes before the exit frame
     */
    static int readReplies(DataInputStream in, PrintStream out, PrintStream err) throws IOException {
        while (true) {
            byte kind = in.readByte();
            int value = in.readInt();
            if (kind == EXIT) {
                return value;
            }
            if ((kind != OUT && kind != ERR) || value < 0 || value > MAX_COMMAND_BYTES) {
                throw new IOException("unexpected frame " + kind + " of " + value + " bytes");
            }
            PrintStream target = kind == OUT ? out : err;
            target.write(in.readNBytes(value));
            target.flush();
        }
    }
}
