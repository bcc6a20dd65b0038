package ai.cleveragents.events.shell.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;

/** A real Gogo session (the runtime's own processor, no framework) whose console the test reads. */
final class Sessions implements AutoCloseable {

    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final CommandSession session;

    Sessions() {
        threadIO.start();
        session = new CommandProcessorImpl(threadIO).createSession(new ByteArrayInputStream(new byte[0]), console, console);
    }

    /** @return the session to pass to a command */
    CommandSession session() {
        return session;
    }

    /** @return what was printed on the console since the last call */
    String printed() {
        String text = console.toString(StandardCharsets.UTF_8);
        console.reset();
        return text;
    }

    @Override
    public void close() {
        session.close();
        threadIO.stop();
    }
}
