package ai.cleveragents.events.operations.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.operations.internal.HealthReport.Status;

/**
 * {@code events:health}: buses present (highest ranking first), journal present, journal verified, Event Admin bridge queue,
 * latest problem. Prints the report on the session's console and fails (exit status 1 under
 * {@code -c}) when a check failed.
 */
@Component(service = HealthCommand.class, property = {"osgi.command.scope=events", "osgi.command.function=health"})
public final class HealthCommand {

    static final String BRIDGE = "eventadmin-bridge";

    private final BundleContext context;
    private final Problems problems;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventJournal journal;

    @Activate
    public HealthCommand(BundleContext context, @Reference LogForwarder forwarder) {
        this.context = context;
        this.problems = forwarder.problems();
    }

    @Descriptor("check the runtime: buses present, journal present and verified, bridge queue, latest problem;"
            + " fails when a check failed")
    public void health(CommandSession session) {
        HealthReport report = report();
        session.getConsole().print(report.render());
        session.getConsole().flush();
        if (!report.healthy()) {
            throw new UnhealthyException(report.failures());
        }
    }

    HealthReport report() {
        HealthReport report = new HealthReport();
        List<String> buses = new ArrayList<>();
        List<ServiceReference<EventBus>> refs = references(EventBus.class, null);
        refs.sort(Comparator.reverseOrder());
        for (ServiceReference<EventBus> ref : refs) {
            buses.add(ref.getProperty(EventBusConstants.BUS_NAME) + " (" + ref.getProperty("service.ranking") + ")");
        }
        report.add("buses", buses.isEmpty() ? Status.FAILED : Status.OK, buses.isEmpty() ? "no EventBus service" : String.join(", ", buses));
        EventJournal current = journal;
        report.add("journal", current == null ? Status.FAILED : Status.OK, current == null
                ? "no EventJournal service (reactive bus stopped, or journal.enabled=false)"
                : "last event " + current.lastEventId().orElse("none"));
        journalChecked(report, current);
        bridge(report);
        report.add("last.problem", Status.OK, problems.last().map(Object::toString).orElse("none"));
        return report;
    }

    /**
     * The problems the journal found when it was opened (missing segments, gaps between segments, lines
     * that are not records): cheap, so the check can run often; {@code events:journal --verify} reads and
     * checks every record.
     */
    private static void journalChecked(HealthReport report, EventJournal current) {
        if (current == null) {
            report.add("journal.verified", Status.UNKNOWN, "no journal");
            return;
        }
        List<JournalProblem> problems = current.knownProblems();
        report.add("journal.verified", problems.isEmpty() ? Status.OK : Status.FAILED, problems.isEmpty()
                ? "no problem found at opening (events:journal --verify checks every record)"
                : problems.size() + " problem(s) found at opening, first: " + problems.get(0));
    }

    private void bridge(HealthReport report) {
        List<ServiceReference<MetricsSource>> refs = references(MetricsSource.class,
                "(" + EventBusConstants.METRICS_NAME + "=" + BRIDGE + ")");
        Map<String, Long> metrics = refs.isEmpty() ? null : use(refs.get(0));
        if (metrics == null) {
            report.add("bridge", Status.OK, "not running");
            return;
        }
        long depth = metrics.getOrDefault("queue.depth", 0L);
        long capacity = metrics.getOrDefault("queue.capacity", Long.MAX_VALUE);
        report.add("bridge", depth >= capacity ? Status.FAILED : Status.OK, "queue " + depth + " of " + capacity);
    }

    private Map<String, Long> use(ServiceReference<MetricsSource> ref) {
        MetricsSource source = context.getService(ref);
        if (source == null) {
            return null;
        }
        try {
            return source.metrics();
        } finally {
            context.ungetService(ref);
        }
    }

    private <S> List<ServiceReference<S>> references(Class<S> type, String filter) {
        try {
            return new ArrayList<>(context.getServiceReferences(type, filter));
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad filter " + filter, e);
        }
    }
}
