package ai.cleveragents.events.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBatchException;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.SwapSafeEmitter;

/**
 * Parses {@code events:emit} arguments into a {@link DomainEvent}: the type, {@code key=value} details
 * (values parsed as JSON when they are JSON, else strings) and the context options.
 */
final class EmitRequest {

    static final String USAGE = "events:emit <type> [key=value ...] [--plan ID] [--root-plan ID] [--session ID]"
            + " [--actor NAME] [--project NAME] [--correlation ID] [--count N]";

    /** The most events one {@code --count} emits. */
    static final int MAX_COUNT = 1_000_000;
    /** Events per {@link SwapSafeEmitter#emitAll} call of a {@code --count}. */
    static final int BATCH = 1_000;

    private static final Set<String> OPTIONS =
            Set.of("--plan", "--root-plan", "--session", "--actor", "--project", "--correlation", "--count");

    private EmitRequest() {
    }

    /**
     * Emits through the swap rule: on the bus consumers are bound to, or on the one bound next if that
     * one is closing.
     *
     * @param emitter the emitter over the bound bus
     * @param busName the bound bus's name, for the confirmation
     * @param event   the event
     * @return the confirmation line
     * @throws CommandException if there is no bus, the bound buses stayed closed, or a bus refused the event
     */
    static String emit(SwapSafeEmitter emitter, Supplier<String> busName, DomainEvent event) {
        SwapSafeEmitter.Outcome outcome;
        try {
            outcome = emitter.emit(event);
        } catch (EventRejectedException e) {
            throw new CommandException("event rejected: " + e.getMessage());
        }
        if (outcome == SwapSafeEmitter.Outcome.NO_BUS) {
            throw new CommandException(BusReports.NO_BUS);
        }
        if (outcome == SwapSafeEmitter.Outcome.LOST) {
            throw new CommandException("event rejected: the bound bus stayed closed for "
                    + SwapSafeEmitter.MAX_ATTEMPTS + " attempts; not emitted");
        }
        return "emitted " + event.eventType().id() + " " + event.eventId() + " on " + busName.get();
    }

    /**
     * Emits {@code count} events like {@code first} (the same type, details and correlation id, each
     * with its own id and time) in batches of {@value #BATCH} through {@link SwapSafeEmitter#emitAll}:
     * with the reactive bus's journal, one {@code fsync} per batch.
     *
     * @param first the first event
     * @param count how many, at least 2
     * @return the confirmation line, naming the first and last ids
     * @throws CommandException as {@link #emit} does, saying how many events were emitted before
     */
    static String emitAll(SwapSafeEmitter emitter, Supplier<String> busName, DomainEvent first, int count) {
        int done = 0;
        String last = first.eventId();
        while (done < count) {
            List<DomainEvent> batch = new ArrayList<>(Math.min(BATCH, count - done));
            for (int i = 0; i < Math.min(BATCH, count - done); i++) {
                batch.add(done + i == 0 ? first : first.toBuilder().eventId(null).timestamp(null).build());
            }
            SwapSafeEmitter.Outcome outcome;
            try {
                outcome = emitter.emitAll(batch);
            } catch (EventBatchException e) {
                throw new CommandException("events rejected after " + (done + e.accepted()) + " of " + count
                        + " were emitted: " + e.getCause().getMessage());
            }
            if (outcome != SwapSafeEmitter.Outcome.EMITTED) {
                throw new CommandException((outcome == SwapSafeEmitter.Outcome.NO_BUS ? BusReports.NO_BUS
                        : "the bound bus stayed closed for " + SwapSafeEmitter.MAX_ATTEMPTS + " attempts") + "; "
                        + done + " of " + count + " events were emitted");
            }
            done += batch.size();
            last = batch.get(batch.size() - 1).eventId();
        }
        return "emitted " + count + " " + first.eventType().id() + " events " + first.eventId() + ".." + last + " on "
                + busName.get();
    }

    /**
     * @param args the command's arguments
     * @return {@code --count}, 1 when absent
     * @throws CommandException if it is not a whole number from 1 to {@value #MAX_COUNT}
     */
    static int count(String... args) {
        CommandLine line = CommandLine.parse(USAGE, OPTIONS, Set.of(), args);
        int count = line.positiveInt("--count", 1);
        if (count > MAX_COUNT) {
            throw line.error("option --count allows at most " + MAX_COUNT + ", got " + count);
        }
        return count;
    }

    /**
     * @param args the command's arguments
     * @return the event to emit
     * @throws CommandException naming the bad argument: missing or unknown type (listing the valid ids),
     *                          a pair that is not {@code key=value}, a duplicate key, an invalid value
     */
    static DomainEvent parse(String... args) {
        CommandLine line = CommandLine.parse(USAGE, OPTIONS, Set.of(), args);
        if (line.positionals().isEmpty()) {
            throw line.error("missing event type");
        }
        EventType type;
        try {
            type = EventType.fromId(line.positionals().get(0));
        } catch (IllegalArgumentException e) {
            throw line.error(e.getMessage());
        }
        Map<String, Object> details = line.keyValues(line.positionals().subList(1, line.positionals().size()), "detail");
        try {
            return DomainEvent.builder(type)
                    .planId(line.value("--plan").orElse(null))
                    .rootPlanId(line.value("--root-plan").orElse(null))
                    .sessionId(line.value("--session").orElse(null))
                    .actorName(line.value("--actor").orElse(null))
                    .projectName(line.value("--project").orElse(null))
                    .correlationId(line.value("--correlation").orElse(null))
                    .details(details)
                    .build();
        } catch (IllegalArgumentException e) {
            throw line.error(e.getMessage());
        }
    }
}
