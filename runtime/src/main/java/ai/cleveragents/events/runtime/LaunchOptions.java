package ai.cleveragents.events.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line: {@code [--timing] [--daemon | -c COMMAND...]}. Several {@code -c} commands
 * run one after the other in the same shell session; the first that fails ends the run. {@code --daemon}
 * runs without a console until the runtime is stopped (a signal, or {@code stop 0} through {@code -c}).
 */
final class LaunchOptions {

    static final String USAGE = "usage: cleveragents-events [--timing] [--daemon | -c <gogo command>...]";

    private final List<String> commands;
    private final boolean timing;
    private final boolean daemon;

    private LaunchOptions(List<String> commands, boolean timing, boolean daemon) {
        this.commands = List.copyOf(commands);
        this.timing = timing;
        this.daemon = daemon;
    }

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException on an unknown option, a {@code -c} without a command or with
     *                                  {@code --daemon}; the message holds the usage
     */
    static LaunchOptions parse(String... args) {
        List<String> commands = new ArrayList<>();
        boolean timing = false;
        boolean daemon = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-c") || arg.equals("--command")) {
                if (i + 1 == args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException(arg + " needs a command\n" + USAGE);
                }
                commands.add(args[++i]);
            } else if (arg.equals("--timing")) {
                timing = true;
            } else if (arg.equals("--daemon")) {
                daemon = true;
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        if (daemon && !commands.isEmpty()) {
            throw new IllegalArgumentException("--daemon runs no commands; run them with -c beside it\n" + USAGE);
        }
        return new LaunchOptions(commands, timing, daemon);
    }

    /** @return the commands to run non-interactively, empty for an interactive shell */
    List<String> commands() {
        return commands;
    }

    /** @return whether to run interactively (no {@code -c}, no {@code --daemon}) */
    boolean interactive() {
        return commands.isEmpty() && !daemon;
    }

    /** @return whether to run without a console until stopped */
    boolean daemon() {
        return daemon;
    }

    /** @return whether to print the start-up time */
    boolean timing() {
        return timing;
    }
}
