package ai.cleveragents.events.shell.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.cleveragents.events.dispatch.redaction.JsonStrings;

/**
 * A command's arguments split into options with a value ({@code --plan p-1}), flags ({@code --json})
 * and positional arguments. Unknown options and missing values are {@link CommandException}s carrying
 * the command's usage.
 */
final class CommandLine {

    private final String usage;
    private final List<String> positionals;
    private final Map<String, String> values;
    private final Set<String> flags;

    private CommandLine(String usage, List<String> positionals, Map<String, String> values, Set<String> flags) {
        this.usage = usage;
        this.positionals = List.copyOf(positionals);
        this.values = Map.copyOf(values);
        this.flags = Set.copyOf(flags);
    }

    /**
     * @param usage   the command's usage line, for errors
     * @param valued  the options that take a value
     * @param flags   the options without a value
     * @param args    the arguments
     * @return the parsed arguments
     * @throws CommandException on an unknown option, an option given twice or a missing value
     */
    static CommandLine parse(String usage, Set<String> valued, Set<String> flags, String... args) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> set = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = String.valueOf(args[i]);
            if (valued.contains(arg)) {
                if (i + 1 == args.length) {
                    throw new CommandException("option " + arg + " needs a value", usage);
                }
                if (values.put(arg, String.valueOf(args[++i])) != null) {
                    throw new CommandException("option " + arg + " given twice", usage);
                }
            } else if (flags.contains(arg)) {
                set.add(arg);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new CommandException("unknown option '" + arg + "'", usage);
            } else {
                positionals.add(arg);
            }
        }
        return new CommandLine(usage, positionals, values, set);
    }

    /** @return the positional arguments, in order */
    List<String> positionals() {
        return positionals;
    }

    /**
     * @param name an option that takes a value
     * @return its value, if given
     */
    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * @param name a flag
     * @return whether it was given
     */
    boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * @param name         an option taking a whole number
     * @param defaultValue the value when the option is absent
     * @return the value, at least 1
     * @throws CommandException if the value is not a positive whole number
     */
    int positiveInt(String name, int defaultValue) {
        Optional<String> raw = value(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) {
            throw error("option " + name + " needs a positive whole number, got '" + raw.get() + "'");
        }
        return n;
    }

    /**
     * @param name an option taking a number of seconds
     * @return the value in milliseconds, if given
     * @throws CommandException if the value is not a positive number
     */
    Optional<Long> positiveSecondsAsMillis(String name) {
        Optional<String> raw = value(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        double seconds;
        try {
            seconds = Double.parseDouble(raw.get());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw error("option " + name + " needs a positive number of seconds, got '" + raw.get() + "'");
        }
        return Optional.of((long) Math.ceil(seconds * 1000));
    }

    /**
     * Parses {@code key=value} arguments, values as JSON when they parse ({@link JsonStrings#readLenient}).
     *
     * @param pairs the arguments
     * @param what  what a pair is called in errors ("detail", "parameter")
     * @return the values by key, in argument order
     * @throws CommandException naming the first pair without {@code =}, with an empty key, or with a key
     *                          given before
     */
    Map<String, Object> keyValues(List<String> pairs, String what) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw error("bad " + what + " '" + pair + "': expected key=value");
            }
            String key = pair.substring(0, eq);
            if (values.containsKey(key)) {
                throw error("bad " + what + " '" + pair + "': key '" + key + "' given twice");
            }
            values.put(key, JsonStrings.readLenient(pair.substring(eq + 1)));
        }
        return values;
    }

    /**
     * @param message what is wrong with the arguments
     * @return an exception carrying the message and the usage
     */
    CommandException error(String message) {
        return new CommandException(message, usage);
    }
}
