package ai.cleveragents.events.runtime;

import java.io.PrintStream;

import org.apache.felix.framework.Logger;
/**
 * The framework's log, one line per entry on the given stream: the message and the innermost cause,
 * never a stack trace.
 */
final class FrameworkLog extends Logger {

    private final PrintStream out;

    FrameworkLog(PrintStream out) {
        this.out = out;
    }

    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
        out.println(line(level, msg, throwable));
    }

    /**
     * @param level     a {@link Logger} level
     * @param msg       the message
     * @param throwable the exception, or {@code null}
     * @return the one-line rendering
     */
    static String line(int level, String msg, Throwable throwable) {
        String prefix = switch (level) {
            case LOG_ERROR -> "ERROR";
            case LOG_WARNING -> "WARN";
            case LOG_INFO -> "INFO";
            default -> "DEBUG";
        };
        StringBuilder line = new StringBuilder("felix ").append(prefix).append(": ").append(msg);
        if (throwable != null) {
            line.append(": ").append(rootCause(throwable));
        }
        return line.toString();
    }

    /**
     * @param throwable an exception
     * @return its innermost cause as "SimpleName: message"
     */
    static String rootCause(Throwable throwable) {
        Throwable root = throwable;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.replace('\n', ' '));
    }
}
