package ai.cleveragents.events.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line: {@code [--timing] [-c COMMAND]...}. Several {@code -c} commands run one
 * after the other in the same shell session; the first that fails ends the run.
 */
final class LaunchOptions {

    static final String USAGE = "usage: cleveragents-events [--timing] [-c <gogo command>]...";

    private final List<String> commands;
    private final boolean timing;

    private LaunchOptions(List<String> commands, boolean timing) {
        this.commands = List.copyOf(commands);
        this.timing = timing;
    }

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException on an unknown option or a {@code -c} without a command; the
     *                                  message holds the usage
     */
    static LaunchOptions parse(String... args) {
        List<String> commands = new ArrayList<>();
        boolean timing = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-c") || arg.equals("--command")) {
                if (i + 1 == args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException(arg + " needs a command\n" + USAGE);
                }
                commands.add(args[++i]);
            } else if (arg.equals("--timing")) {
                timing = true;
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        return new LaunchOptions(commands, timing);
    }

    /** @return the commands to run non-interactively, empty for an interactive shell */
    List<String> commands() {
        return commands;
    }

    /** @return whether to run interactively (no {@code -c}) */
    boolean interactive() {
        return commands.isEmpty();
    }

    /** @return whether to print the start-up time */
    boolean timing() {
        return timing;
    }
}
