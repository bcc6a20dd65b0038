package ai.cleveragents.events.shell.internal;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.SwapSafeEmitter;

/**
 * Parses {@code events:emit} arguments into a {@link DomainEvent}: the type, {@code key=value} details
 * (values parsed as JSON when they are JSON, else strings) and the context options.
 */
final class EmitRequest {

    static final String USAGE = "events:emit <type> [key=value ...] [--plan ID] [--root-plan ID] [--session ID]"
            + " [--actor NAME] [--project NAME] [--correlation ID]";

    private static final Set<String> OPTIONS =
            Set.of("--plan", "--root-plan", "--session", "--actor", "--project", "--correlation");

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
