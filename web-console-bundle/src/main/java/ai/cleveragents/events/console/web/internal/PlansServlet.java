package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.DecisionService;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanLifecycleService;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Plans and decisions, read-only: {@code GET /console/api/plans} lists the retained plans,
 * {@code /console/api/plans/<id>} shows one with its decisions and its timeline (its {@code plan.*}
 * events read back from the journal, oldest first), {@code /console/api/decisions?plan=<id>} lists the
 * decisions of a plan. Needs the services bundle (its package is imported optionally).
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
@HttpWhiteboardServletPattern({"/api/plans", "/api/plans/*", "/api/decisions"})
public final class PlansServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String NO_SERVICES = "no %s (start the bundle ai.cleveragents.events.services)";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile PlanLifecycleService plans;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DecisionService decisions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile EventJournal journal;

    private final transient Supplier<PlanLifecycleService> planSource;
    private final transient Supplier<DecisionService> decisionSource;
    private final transient Supplier<EventJournal> journalSource;

    /** For SCR: the services are greedy references. */
    public PlansServlet() {
        this(null, null, null);
    }

    /**
     * @param plans     the plan service now, or {@code null}
     * @param decisions the decision service now, or {@code null}
     * @param journal   the journal now, or {@code null}
     */
    PlansServlet(Supplier<PlanLifecycleService> plans, Supplier<DecisionService> decisions, Supplier<EventJournal> journal) {
        this.planSource = plans == null ? () -> this.plans : plans;
        this.decisionSource = decisions == null ? () -> this.decisions : decisions;
        this.journalSource = journal == null ? () -> this.journal : journal;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PlanLifecycleService p = planSource.get();
        DecisionService d = decisionSource.get();
        if (p == null || d == null) {
            JsonReply.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    String.format(NO_SERVICES, p == null ? "PlanLifecycleService" : "DecisionService"));
            return;
        }
        String info = request.getPathInfo();
        if ("/api/decisions".equals(request.getServletPath())) {
            decisions(d, request.getParameter("plan"), response);
        } else if (info == null || "/".equals(info)) {
            list(p.plans(), response);
        } else {
            detail(p.plan(info.substring(1)), d, response);
        }
    }

    private static void decisions(DecisionService d, String plan, HttpServletResponse response) throws IOException {
        if (plan == null || plan.isBlank()) {
            JsonReply.error(response, HttpServletResponse.SC_BAD_REQUEST, "plan is missing: allowed a plan id");
            return;
        }
        List<Decision> found = d.decisionsForPlan(plan.trim());
        JsonReply.ok(response, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("decisions");
            for (Decision decision : found) {
                json.writeRawValue(decision(decision));
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void list(List<Plan> found, HttpServletResponse response) throws IOException {
        JsonReply.ok(response, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("plans");
            for (Plan plan : found) {
                json.writeRawValue(plan(plan));
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private void detail(Optional<Plan> plan, DecisionService d, HttpServletResponse response) throws IOException {
        if (plan.isEmpty()) {
            JsonReply.error(response, HttpServletResponse.SC_NOT_FOUND, "no such plan (retained plans: /console/api/plans)");
            return;
        }
        Plan p = plan.get();
        List<Decision> taken = d.decisionsForPlan(p.planId());
        List<DomainEvent> timeline = timeline(p);
        JsonReply.ok(response, json -> {
            json.writeStartObject();
            json.writeFieldName("plan");
            json.writeRawValue(plan(p));
            json.writeArrayFieldStart("decisions");
            for (Decision decision : taken) {
                json.writeRawValue(decision(decision));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("timeline");
            for (DomainEvent e : timeline) {
                json.writeRawValue(EventJson.of(e));
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private List<DomainEvent> timeline(Plan plan) {
        EventJournal j = journalSource.get();
        if (j == null) {
            return List.of();
        }
        EnumSet<EventType> types = EnumSet.copyOf(EventType.select("plan.*"));
        try (Stream<DomainEvent> events = j.replaySince(plan.createdAt().minusSeconds(60), types)) {
            return events.filter(e -> plan.planId().equals(e.planId())).toList();
        }
    }

    static String plan(Plan p) {
        return new SafeFields().put("plan_id", p.planId()).put("root_plan_id", p.rootPlanId())
                .put("parent_plan_id", p.parentPlanId()).put("action_name", p.actionName())
                .put("project_name", p.projectName()).put("session_id", p.sessionId()).put("actor_name", p.actorName())
                .put("phase", p.phase().id()).put("reason", p.reason()).put("created_at", p.createdAt())
                .put("updated_at", p.updatedAt()).put("parameters", p.parameters()).json();
    }

    static String decision(Decision d) {
        return new SafeFields().put("decision_id", d.decisionId()).put("plan_id", d.planId())
                .put("decision_type", d.decisionType()).put("question", d.question())
                .put("chosen_option", d.chosenOption()).put("rationale", d.rationale()).put("status", d.status().id())
                .put("supersedes", d.supersedes()).put("superseded_by", d.supersededBy()).put("reason", d.reason())
                .put("recorded_at", d.recordedAt()).json();
    }
}
