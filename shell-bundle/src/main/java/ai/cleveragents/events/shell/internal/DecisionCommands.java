package ai.cleveragents.events.shell.internal;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ai.cleveragents.events.services.DecisionService;

/**
 * The {@code decision:*} Gogo commands on the best-ranked {@link DecisionService}, usable without one.
 */
@Component(service = DecisionCommands.class, property = {
    "osgi.command.scope=decision",
    "osgi.command.function=record",
    "osgi.command.function=list",
    "osgi.command.function=supersede",
    "osgi.command.function=revert"})
public final class DecisionCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DecisionService decisions;

    @Descriptor("record a decision (emits decision.created): " + ServiceCommands.RECORD)
    public Created record(CommandSession session, @Descriptor("<plan id> <type> <question> <chosen option> [--rationale TEXT]") String... args) {
        Created created = ThreadNameGuard.call("decision:record", () -> ServiceCommands.record(decisions, args));
        SessionText.print(session, created.toString());
        return created;
    }

    @Descriptor("list the decisions of a plan: " + ServiceCommands.LIST)
    public void list(CommandSession session, @Descriptor("<plan id>") String... args) {
        SessionText.print(session, ThreadNameGuard.call("decision:list", () -> ServiceCommands.list(decisions, args)));
    }

    @Descriptor("replace a decision by a new one (emits decision.superseded): " + ServiceCommands.SUPERSEDE)
    public void supersede(CommandSession session, @Descriptor("<decision id> <new chosen option> [--rationale TEXT]") String... args) {
        SessionText.print(session, ThreadNameGuard.call("decision:supersede", () -> ServiceCommands.supersede(decisions, args)));
    }

    @Descriptor("withdraw a decision (emits decision.reverted): " + ServiceCommands.REVERT)
    public void revert(CommandSession session, @Descriptor("<decision id> <reason>") String... args) {
        SessionText.print(session, ThreadNameGuard.call("decision:revert", () -> ServiceCommands.revert(decisions, args)));
    }
}
