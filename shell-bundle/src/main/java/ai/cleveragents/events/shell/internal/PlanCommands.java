package ai.cleveragents.events.shell.internal;

import org.apache.felix.service.command.CommandSession;
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
    public Created create(CommandSession session, @Descriptor("<action> --project NAME --session ID --actor NAME [--parent ID] [key=value ...]") String... args) {
        Created created = ThreadNameGuard.call("plan:create", () -> ServiceCommands.create(plans, args));
        SessionText.print(session, created.toString());
        return created;
    }

    @Descriptor("run a plan through its phases to the end (plan.phase_changed..., plan.completed or plan.failed): "
            + ServiceCommands.EXECUTE)
    public void execute(CommandSession session, @Descriptor("<plan id>") String... args) {
        SessionText.print(session, ThreadNameGuard.call("plan:execute", () -> ServiceCommands.execute(plans, args)));
    }

    @Descriptor("mark a plan failed (emits plan.failed): " + ServiceCommands.FAIL)
    public void fail(CommandSession session, @Descriptor("<plan id> <reason>") String... args) {
        SessionText.print(session, ThreadNameGuard.call("plan:fail", () -> ServiceCommands.fail(plans, args)));
    }

    @Descriptor("cancel a plan (emits plan.cancelled): " + ServiceCommands.CANCEL)
    public void cancel(CommandSession session, @Descriptor("<plan id> <reason>") String... args) {
        SessionText.print(session, ThreadNameGuard.call("plan:cancel", () -> ServiceCommands.cancel(plans, args)));
    }

    @Descriptor("list the retained plans, oldest first: " + ServiceCommands.LIST_PLANS)
    public void list(CommandSession session, @Descriptor("no arguments") String... args) {
        SessionText.print(session, ThreadNameGuard.call("plan:list", () -> ServiceCommands.list(plans, args)));
    }

    @Descriptor("show a plan: " + ServiceCommands.SHOW)
    public void show(CommandSession session, @Descriptor("<plan id>") String... args) {
        SessionText.print(session, ThreadNameGuard.call("plan:show", () -> ServiceCommands.show(plans, args)));
    }
}
