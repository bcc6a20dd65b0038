package ai.cleveragents.events.shell.internal;

import java.util.function.Supplier;

/**
 * Runs a command with the calling thread named after the command only. Gogo names the thread that runs
 * a statement {@code pipe-<the whole command line>}, so without this every log line written during the
 * command (the logging bus's record, with a pattern that prints the thread) would carry the command's
 * arguments, secrets included. The previous name is restored afterwards, also when the command throws.
 */
final class ThreadNameGuard {

    /** The prefix of the name a command runs under. */
    static final String PREFIX = "gogo ";

    private ThreadNameGuard() {
    }

    /**
     * @param command the command's scope and name, for example {@code events:emit}, never its arguments
     * @param body    the command
     * @param <T>     what it returns
     * @return what {@code body} returns
     */
    static <T> T call(String command, Supplier<T> body) {
        return named(command, body);
    }

    /**
     * @param command the command's scope and name, never its arguments
     * @param body    the command
     */
    static void run(String command, Runnable body) {
        named(command, () -> {
            body.run();
            return null;
        });
    }

    private static <T> T named(String command, Supplier<T> body) {
        Thread thread = Thread.currentThread();
        String previous = thread.getName();
        thread.setName(PREFIX + command);
        try {
            return body.get();
        } finally {
            thread.setName(previous);
        }
    }
}
