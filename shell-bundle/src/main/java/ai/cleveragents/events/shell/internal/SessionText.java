package ai.cleveragents.events.shell.internal;

import java.io.PrintStream;

import org.apache.felix.service.command.CommandSession;

/**
 * Prints a command's text on the session's console. Karaf's non-interactive sessions ({@code ssh host
 * "events:buses"}, {@code bin/client -b}) throw a command's return value away, so every command prints what
 * it has to say, in Felix Gogo and in Karaf, interactive or not; only {@code plan:create} and {@code
 * decision:record} also return an object, for scripts ({@link Created}).
 */
final class SessionText {

    private SessionText() {
    }

    /**
     * @param session the session running the command
     * @param text    what the command reports, without a final line break
     */
    static void print(CommandSession session, String text) {
        PrintStream console = session.getConsole();
        console.println(text);
        console.flush();
    }
}
