package ai.cleveragents.events.shell.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ai.cleveragents.events.services.PlanLifecycleService;

/**
 * The {@code plan:*} Gogo commands on the best-ranked {@link PlanLifecycleService}, usable without one.
 */
@Component(service = PlanCommands.class, property = {
    "osgi.command.scope=plan",
    "osgi.command.function=create",
    "osgi.command.function=execute",
    "osgi.command.function=fail",
    "osgi.command.function=cancel",
    "osgi.command.function=list",
    "osgi.command.function=show"})
public final class PlanCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlanLifecycleService plans;

    @Descriptor("create a plan for an action (emits plan.created): " + ServiceCommands.CREATE)
    public Created create(@Descriptor("<action> --project NAME --session ID --actor NAME [--parent ID] [key=value ...]") String... args) {
        return ThreadNameGuard.call("plan:create", () -> ServiceCommands.create(plans, args));
    }

    @Descriptor("run a plan through its phases to the end (plan.phase_changed..., plan.completed or plan.failed): "
            + ServiceCommands.EXECUTE)
    public String execute(@Descriptor("<plan id>") String... args) {
        return ThreadNameGuard.call("plan:execute", () -> ServiceCommands.execute(plans, args));
    }

    @Descriptor("mark a plan failed (emits plan.failed): " + ServiceCommands.FAIL)
    public String fail(@Descriptor("<plan id> <reason>") String... args) {
        return ThreadNameGuard.call("plan:fail", () -> ServiceCommands.fail(plans, args));
    }

    @Descriptor("cancel a plan (emits plan.cancelled): " + ServiceCommands.CANCEL)
    public String cancel(@Descriptor("<plan id> <reason>") String... args) {
        return ThreadNameGuard.call("plan:cancel", () -> ServiceCommands.cancel(plans, args));
    }

    @Descriptor("list the retained plans, oldest first: " + ServiceCommands.LIST_PLANS)
    public String list(@Descriptor("no arguments") String... args) {
        return ThreadNameGuard.call("plan:list", () -> ServiceCommands.list(plans, args));
    }

    @Descriptor("show a plan: " + ServiceCommands.SHOW)
    public String show(@Descriptor("<plan id>") String... args) {
        return ThreadNameGuard.call("plan:show", () -> ServiceCommands.show(plans, args));
    }
}
