package ai.cleveragents.events.shell.internal;

import java.util.Optional;
import java.util.Set;

import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.dispatch.redaction.TerminalText;

/**
 * Parsed {@code events:tail} arguments.
 *
 * @param selector  the type selector ({@code *}, {@code domain.*} or an id), for the whiteboard property
 * @param maxEvents stop after this many events; 0 for no limit
 * @param timeoutMs stop after this long, if given
 * @param from      with {@code --from}: catch up from this journal position, then follow
 */
record TailRequest(String selector, int maxEvents, Optional<Long> timeoutMs, Optional<JournalPosition> from) {

    static final String USAGE = "events:tail [-n N] [--timeout SECONDS] [--from ID|TIME|beginning] [type|domain.*|*]";

    /**
     * @param args the command's arguments
     * @return the request
     * @throws CommandException on a bad option, more than one selector or an unknown type or domain
     */
    static TailRequest parse(String... args) {
        CommandLine line = CommandLine.parse(USAGE, Set.of("-n", "--timeout", "--from"), Set.of(), args);
        if (line.positionals().size() > 1) {
            throw line.error("one type selector at most, got " + line.positionals());
        }
        String selector = line.positionals().isEmpty() ? "*" : line.positionals().get(0);
        try {
            EventType.select(selector);
        } catch (IllegalArgumentException e) {
            throw line.error(e.getMessage());
        }
        int max = line.value("-n").isPresent() ? line.positiveInt("-n", 1) : 0;
        return new TailRequest(selector, max, line.positiveSecondsAsMillis("--timeout"), from(line));
    }

    /** @return the parsed {@code --from}, if given */
    private static Optional<JournalPosition> from(CommandLine line) {
        Optional<String> text = line.value("--from");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JournalPosition.parse(text.get()));
        } catch (IllegalArgumentException e) {
            throw line.error("--from needs " + JournalPosition.SYNTAX + ", got '" + TerminalText.escape(text.get()) + "'");
        }
    }

    /** @return the selected types */
    Set<EventType> types() {
        return EventType.select(selector);
    }
}
