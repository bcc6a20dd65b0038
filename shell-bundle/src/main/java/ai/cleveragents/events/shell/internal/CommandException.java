package ai.cleveragents.events.shell.internal;

/**
 * A command failed: Gogo prints {@code gogo: CommandException: <message>} and the session's command
 * status is an error ({@code ./run -c} exits with 1). The message is one line, followed by a usage line
 * when the arguments were wrong. Carries no stack trace.
 */
final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param error what went wrong, one line
     * @param usage the command's usage, or {@code null} when the arguments were not the problem
     */
    CommandException(String error, String usage) {
        super(usage == null ? error : error + "\nusage: " + usage, null, false, false);
    }

    /**
     * @param error what went wrong, one line
     */
    CommandException(String error) {
        this(error, null);
    }
}
