package ai.cleveragents.events.shell.internal;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;


import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.redaction.TerminalText;
import ai.cleveragents.events.json.EventCodec;

/**
 * Parsed {@code events:journal} arguments and their execution against an {@link EventJournal}: without
 * {@code --from} the last N events, with it the first N from that event id (inclusive) or time.
 *
 * @param fromId   start at this event id, if given
 * @param fromTime start at this time, if given
 * @param types    the types to keep, empty for all
 * @param limit    at most this many events
 * @param json     print JSON Lines (the wire format, redacted like every output) rather than one readable line each
 */
record JournalQuery(Optional<String> fromId, Optional<Instant> fromTime, Set<EventType> types, int limit, boolean json) {

    static final String USAGE = "events:journal [--from ID|TIME] [--type T[,T...]] [-n N] [--json]";

    /** The error when no journal is bound. */
    static final String NO_JOURNAL = "no EventJournal service (the reactive bus with journal.enabled=true provides one)";

    /** Events shown when {@code -n} is absent. */
    static final int DEFAULT_LIMIT = 20;

    /**
     * @param args the command's arguments
     * @return the query
     * @throws CommandException on a bad option, a {@code --from} that is neither a ULID nor an ISO-8601
     *                          instant, or an unknown type
     */
    static JournalQuery parse(String... args) {
        CommandLine line = CommandLine.parse(USAGE, Set.of("--from", "--type", "-n"), Set.of("--json"), args);
        if (!line.positionals().isEmpty()) {
            throw line.error("unexpected argument '" + line.positionals().get(0) + "'");
        }
        Optional<String> fromId = Optional.empty();
        Optional<Instant> fromTime = Optional.empty();
        Optional<String> from = line.value("--from");
        if (from.isPresent()) {
            if (DomainEvent.isValidEventId(from.get())) {
                fromId = from;
            } else {
                fromTime = Optional.of(parseInstant(line, from.get()));
            }
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String selector : line.value("--type").map(t -> t.split(",")).orElse(new String[0])) {
            try {
                types.addAll(EventType.select(selector));
            } catch (IllegalArgumentException e) {
                throw line.error(e.getMessage());
            }
        }
        return new JournalQuery(fromId, fromTime, types, line.positiveInt("-n", DEFAULT_LIMIT), line.flag("--json"));
    }

    private static Instant parseInstant(CommandLine line, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw line.error("--from needs an event id (ULID) or an ISO-8601 time such as 2026-11-25T11:00:00Z, got '"
                    + text + "'");
        }
    }

    /**
     * Parses, runs and renders a query.
     *
     * @param args    the command's arguments
     * @param journal the journal, or {@code null} when there is none
     * @param codec   the wire codec, for {@code --json}
     * @return the text to print, without a final line break
     * @throws CommandException on bad arguments, without a journal, or when the query fails
     */
    static String execute(String[] args, EventJournal journal, EventCodec codec) {
        JournalQuery query = parse(args);
        if (journal == null) {
            throw new CommandException(NO_JOURNAL);
        }
        return query.render(query.run(journal), codec).stripTrailing();
    }

    /**
     * @param journal the journal
     * @return the matching events, in journal order
     * @throws CommandException if {@code --from} names an id not in the journal or the journal cannot be read
     */
    List<DomainEvent> run(EventJournal journal) {
        try (Stream<DomainEvent> events = open(journal)) {
            if (!fromStart()) {
                return events.limit(limit).toList();
            }
            Deque<DomainEvent> last = new ArrayDeque<>();
            events.forEach(e -> {
                if (last.size() == limit) {
                    last.removeFirst();
                }
                last.addLast(e);
            });
            return List.copyOf(last);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CommandException("journal: " + TerminalText.escape(e.getMessage()));
        }
    }

    private Stream<DomainEvent> open(EventJournal journal) {
        if (fromId.isPresent()) {
            return journal.replayFrom(fromId.get(), types);
        }
        return journal.replaySince(fromTime.orElse(Instant.EPOCH), types);
    }

    /**
     * @param events the events found
     * @param codec  the wire codec, for {@code --json}
     * @return the text to print
     */
    String render(List<DomainEvent> events, EventCodec codec) {
        if (events.isEmpty()) {
            return "no events in the journal" + (fromStart() ? "" : " from there") + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (DomainEvent event : events) {
            out.append(json ? jsonLine(event, codec) : EventLines.line(event)).append('\n');
        }
        return out.toString();
    }

    /**
     * The wire format of the event as the current policy redacts it, with the characters
     * {@link TerminalText} escapes written as JSON escapes: still exact JSON, never a raw control
     * character on the terminal.
     */
    private static String jsonLine(DomainEvent event, EventCodec codec) {
        return TerminalText.escape(codec.encode(ShellRedaction.current().redact(event)));
    }

    private boolean fromStart() {
        return fromId.isEmpty() && fromTime.isEmpty();
    }
}
