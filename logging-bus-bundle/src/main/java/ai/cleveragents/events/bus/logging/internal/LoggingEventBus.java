package ai.cleveragents.events.bus.logging.internal;

import java.util.Map;
import java.util.regex.PatternSyntaxException;

import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.dispatch.BusService;
import ai.cleveragents.events.dispatch.DispatchEngine;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logging {@link ai.cleveragents.events.EventBus}: the delivery contract of every bus (synchronous,
 * ordered, isolated handlers, whiteboard, per-bundle ownership, metrics) plus one structured SLF4J
 * record per event (see {@link EventLogStage}) with sensitive details masked (see
 * {@link DetailRedactor}). Registered with {@code service.ranking} 10 by default, below the reactive
 * bus, and {@value EventBusConstants#BUS_NAME}={@value #BUS_NAME}.
 *
 * <p>A configuration change of ranking or redaction pattern applies live, without re-registration. An
 * invalid redaction pattern keeps the bus from starting (nothing is registered until a valid pattern is
 * configured) or, on a live change, is refused while the bus keeps its previous pattern: redaction is
 * never silently off.
 */
@Component(name = LoggingEventBus.PID, configurationPid = LoggingEventBus.PID, immediate = true,
        service = {}, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LoggingEventBus.Config.class)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=ai.cleveragents.events.EventBus",
        uses = ai.cleveragents.events.EventBus.class)
public final class LoggingEventBus {

    /** The component name and configuration PID. */
    public static final String PID = "ai.cleveragents.events.bus.logging";
    /** The value of {@value EventBusConstants#BUS_NAME} this bus registers with. */
    public static final String BUS_NAME = "logging";
    /** The configuration property holding the redaction pattern. */
    public static final String REDACTION_PATTERN = "redaction.pattern";

    private static final Logger LOG = LoggerFactory.getLogger(LoggingEventBus.class);

    /** Typed configuration of the logging bus. */
    @ObjectClassDefinition(name = "CleverAgents logging event bus",
            description = "An EventBus that writes one structured SLF4J record per event, with sensitive "
                    + "details masked, and delivers to subscribers like every bus.")
    @interface Config {
        @AttributeDefinition(name = "Service ranking",
                description = "service.ranking of the EventBus service; consumers bind to the highest. "
                        + "Default 10, below the reactive bus (100).")
        int service_ranking() default 10;

        @AttributeDefinition(name = "Redaction pattern",
                description = "Java regular expression searched, case-insensitively, in every detail key at "
                        + "any depth; matching values are logged as ***. Empty turns redaction off. An "
                        + "invalid expression keeps the bus from starting, or is refused on a live change.")
        String redaction_pattern() default DetailRedactor.DEFAULT_PATTERN;

        @AttributeDefinition(name = "Close timeout (ms)",
                description = "How long deactivation waits for emits in flight before closing subscriptions.")
        long close_timeout_ms() default 5_000;
    }

    private final BundleContext context;
    /** Guarded by {@code this}; {@code null} while no bus is registered. */
    private Running running;
    /** Guarded by {@code this}. */
    private long closeTimeoutMillis;

    /** What a started bus consists of. */
    private record Running(EventLogStage stage, BusService service) {
    }

    /**
     * Starts the bus. With an invalid redaction pattern it logs one ERROR line naming
     * {@value #REDACTION_PATTERN} and the error, and registers nothing, so the next-ranked bus serves;
     * the next configuration change tries again (no bundle restart needed).
     *
     * @param context this bundle's context
     * @param config  the configuration
     */
    @Activate
    public LoggingEventBus(BundleContext context, Config config) {
        this.context = context;
        synchronized (this) {
            apply(config);
        }
    }

    /**
     * Applies a new ranking, redaction pattern and close timeout without re-registering the bus, or
     * starts the bus if an earlier configuration kept it from starting. An invalid pattern is logged
     * and changes nothing: a running bus keeps its previous pattern and ranking.
     *
     * @param config the new configuration
     */
    @Modified
    synchronized void modified(Config config) {
        apply(config);
    }

    /** Unregisters the bus, then closes it (emits through stale references are rejected). */
    @Deactivate
    synchronized void deactivate() {
        if (running != null) {
            running.service().stop(() -> { }, closeTimeoutMillis);
            running = null;
        }
    }

    /** @return {@code true} while the bus is registered */
    synchronized boolean isRunning() {
        return running != null;
    }

    private void apply(Config config) {
        DetailRedactor redactor;
        try {
            redactor = DetailRedactor.compile(config.redaction_pattern());
        } catch (PatternSyntaxException e) {
            LOG.error("logging bus {}: {}: invalid regular expression '{}': {} at index {}",
                    running == null ? "not started" : "keeps its previous configuration", REDACTION_PATTERN,
                    e.getPattern(), e.getDescription(), e.getIndex());
            return;
        }
        closeTimeoutMillis = config.close_timeout_ms();
        if (running == null) {
            EventLogStage stage = new EventLogStage(LoggerFactory.getILoggerFactory(), redactor);
            running = new Running(stage, BusService.start(context, new DispatchEngine(BUS_NAME, stage),
                    properties(config)));
        } else {
            running.stage().redactor(redactor);
            running.service().update(properties(config));
        }
    }

    private static Map<String, Object> properties(Config config) {
        return Map.of(Constants.SERVICE_RANKING, config.service_ranking(), EventBusConstants.BUS_NAME, BUS_NAME);
    }
}
