package ai.cleveragents.events.shell.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionService;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanLifecycleService;
import ai.cleveragents.events.dispatch.redaction.JsonStrings;

/**
 * The {@code decision:*} and {@code plan:*} commands on a {@link DecisionService} or
 * {@link PlanLifecycleService}: argument parsing, the call, and the rendering. The services' own errors
 * (unknown id, illegal transition, blank text, journal refusal) become one-line {@link CommandException}s.
 */
final class ServiceCommands {

    static final String RECORD = "decision:record <plan id> <decision type> <question> <chosen option> [--rationale TEXT]";
    static final String LIST = "decision:list <plan id>";
    static final String SUPERSEDE = "decision:supersede <decision id> <new chosen option> [--rationale TEXT]";
    static final String REVERT = "decision:revert <decision id> <reason>";
    static final String CREATE = "plan:create <action> --project NAME --session ID --actor NAME [--parent PLAN_ID] [key=value ...]";
    static final String EXECUTE = "plan:execute <plan id>";
    static final String FAIL = "plan:fail <plan id> <reason>";
    static final String CANCEL = "plan:cancel <plan id> <reason>";
    static final String SHOW = "plan:show <plan id>";
    static final String LIST_PLANS = "plan:list";

    static final String NO_DECISIONS = "no DecisionService (start the bundle ai.cleveragents.events.services)";
    static final String NO_PLANS = "no PlanLifecycleService (start the bundle ai.cleveragents.events.services)";

    private ServiceCommands() {
    }

    static Created record(DecisionService service, String... args) {
        CommandLine line = positionals(RECORD, Set.of("--rationale"), 4, 4, args);
        List<String> p = line.positionals();
        DecisionService s = require(service, NO_DECISIONS);
        Decision d = call(() -> s.recordDecision(p.get(0), p.get(1), p.get(2), p.get(3),
                line.value("--rationale").orElse(null)));
        return new Created(d.decisionId(), d, decisions(List.of(d)));
    }

    static String list(DecisionService service, String... args) {
        String planId = positionals(LIST, Set.of(), 1, 1, args).positionals().get(0);
        DecisionService s = require(service, NO_DECISIONS);
        List<Decision> found = call(() -> s.decisionsForPlan(planId));
        return found.isEmpty() ? "no decisions for plan " + planId : decisions(found);
    }

    static String supersede(DecisionService service, String... args) {
        CommandLine line = positionals(SUPERSEDE, Set.of("--rationale"), 2, 2, args);
        List<String> p = line.positionals();
        DecisionService s = require(service, NO_DECISIONS);
        return decisions(List.of(call(() -> s.supersedeDecision(p.get(0), p.get(1), line.value("--rationale").orElse(null)))));
    }

    static String revert(DecisionService service, String... args) {
        List<String> p = positionals(REVERT, Set.of(), 2, 2, args).positionals();
        DecisionService s = require(service, NO_DECISIONS);
        return decisions(List.of(call(() -> s.revertDecision(p.get(0), p.get(1)))));
    }

    static Created create(PlanLifecycleService service, String... args) {
        CommandLine line = CommandLine.parse(CREATE, Set.of("--project", "--session", "--actor", "--parent"), Set.of(), args);
        if (line.positionals().isEmpty()) {
            throw line.error("missing action");
        }
        Map<String, Object> parameters = line.keyValues(line.positionals().subList(1, line.positionals().size()), "parameter");
        String project = required(line, "--project");
        String session = required(line, "--session");
        String actor = required(line, "--actor");
        PlanLifecycleService s = require(service, NO_PLANS);
        Plan p = call(() -> s.useAction(line.positionals().get(0), project, session, actor, parameters,
                line.value("--parent").orElse(null)));
        return new Created(p.planId(), p, plan(p));
    }

    static String execute(PlanLifecycleService service, String... args) {
        String planId = positionals(EXECUTE, Set.of(), 1, 1, args).positionals().get(0);
        PlanLifecycleService s = require(service, NO_PLANS);
        return plan(call(() -> s.executePlan(planId)));
    }

    static String fail(PlanLifecycleService service, String... args) {
        List<String> p = positionals(FAIL, Set.of(), 2, 2, args).positionals();
        PlanLifecycleService s = require(service, NO_PLANS);
        return plan(call(() -> s.failPlan(p.get(0), p.get(1))));
    }

    static String cancel(PlanLifecycleService service, String... args) {
        List<String> p = positionals(CANCEL, Set.of(), 2, 2, args).positionals();
        PlanLifecycleService s = require(service, NO_PLANS);
        return plan(call(() -> s.cancelPlan(p.get(0), p.get(1))));
    }

    static String list(PlanLifecycleService service, String... args) {
        positionals(LIST_PLANS, Set.of(), 0, 0, args);
        List<Plan> found = require(service, NO_PLANS).plans();
        if (found.isEmpty()) {
            return "no plans";
        }
        Table table = new Table("PLAN", "ACTION", "PHASE", "PROJECT", "SESSION", "ACTOR", "ROOT PLAN", "UPDATED");
        for (Plan p : found) {
            table.row(p.planId(), p.actionName(), p.phase().id(), p.projectName(), p.sessionId(), p.actorName(),
                    p.rootPlanId(), p.updatedAt());
        }
        return table.render().stripTrailing();
    }

    static String show(PlanLifecycleService service, String... args) {
        String planId = positionals(SHOW, Set.of(), 1, 1, args).positionals().get(0);
        PlanLifecycleService s = require(service, NO_PLANS);
        return plan(call(() -> s.plan(planId)).orElseThrow(() -> new CommandException("no plan " + planId)));
    }

    private static CommandLine positionals(String usage, Set<String> valued, int min, int max, String... args) {
        CommandLine line = CommandLine.parse(usage, valued, Set.of(), args);
        int n = line.positionals().size();
        if (n < min || n > max) {
            throw line.error("expected " + min + (max > min ? " to " + max : "") + " arguments, got " + n);
        }
        return line;
    }

    private static String required(CommandLine line, String option) {
        return line.value(option).orElseThrow(() -> line.error("missing " + option));
    }

    private static <S> S require(S service, String missing) {
        if (service == null) {
            throw new CommandException(missing);
        }
        return service;
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException | IllegalStateException | EventRejectedException e) {
            throw new CommandException(e.getMessage());
        }
    }

    static String decisions(List<Decision> decisions) {
        Table table = new Table("DECISION", "PLAN", "TYPE", "QUESTION", "CHOSEN", "STATUS", "RATIONALE");
        for (Decision d : decisions) {
            table.row(d.decisionId(), d.planId(), d.decisionType(), d.question(), d.chosenOption(), d.status().id(),
                    d.rationale() == null ? "-" : d.rationale());
        }
        return table.render().stripTrailing();
    }

    static String plan(Plan p) {
        Table table = new Table("FIELD", "VALUE");
        table.row("plan", p.planId()).row("root plan", p.rootPlanId()).row("parent", p.parentPlanId() == null ? "-" : p.parentPlanId())
                .row("action", p.actionName()).row("project", p.projectName()).row("session", p.sessionId())
                .row("actor", p.actorName()).row("phase", p.phase().id()).row("reason", p.reason() == null ? "-" : p.reason())
                .row("parameters", JsonStrings.write(ShellRedaction.current().redact(p.parameters())))
                .row("created", p.createdAt()).row("updated", p.updatedAt());
        return table.render().stripTrailing();
    }
}
