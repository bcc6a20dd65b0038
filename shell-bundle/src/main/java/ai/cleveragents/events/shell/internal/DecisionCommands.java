package ai.cleveragents.events.shell.internal;

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
    public Created record(@Descriptor("<plan id> <type> <question> <chosen option> [--rationale TEXT]") String... args) {
        return ThreadNameGuard.call("decision:record", () -> ServiceCommands.record(decisions, args));
    }

    @Descriptor("list the decisions of a plan: " + ServiceCommands.LIST)
    public String list(@Descriptor("<plan id>") String... args) {
        return ThreadNameGuard.call("decision:list", () -> ServiceCommands.list(decisions, args));
    }

    @Descriptor("replace a decision by a new one (emits decision.superseded): " + ServiceCommands.SUPERSEDE)
    public String supersede(@Descriptor("<decision id> <new chosen option> [--rationale TEXT]") String... args) {
        return ThreadNameGuard.call("decision:supersede", () -> ServiceCommands.supersede(decisions, args));
    }

    @Descriptor("withdraw a decision (emits decision.reverted): " + ServiceCommands.REVERT)
    public String revert(@Descriptor("<decision id> <reason>") String... args) {
        return ThreadNameGuard.call("decision:revert", () -> ServiceCommands.revert(decisions, args));
    }
}
