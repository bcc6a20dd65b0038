package ai.cleveragents.events.bus.logging.internal;

import java.util.Map;
import java.util.regex.PatternSyntaxException;

import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.dispatch.BusService;
import ai.cleveragents.events.dispatch.DispatchEngine;

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
 * invalid redaction pattern fails activation (the bus is not registered) or, on a live change, is
 * refused while the bus keeps its previous pattern: redaction is never silently off.
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
                        + "invalid expression stops the bus from starting.")
        String redaction_pattern() default DetailRedactor.DEFAULT_PATTERN;

        @AttributeDefinition(name = "Close timeout (ms)",
                description = "How long deactivation waits for emits in flight before closing subscriptions.")
        long close_timeout_ms() default 5_000;
    }

    private final EventLogStage stage;
    private final BusService service;
    private volatile long closeTimeoutMillis;

    /**
     * Checks the configuration, then registers the bus. An invalid configuration is logged as one
     * ERROR line and thrown, so SCR reports the component as failed and nothing is registered.
     *
     * @param context this bundle's context
     * @param config  the configuration
     * @throws IllegalArgumentException naming {@value #REDACTION_PATTERN} if the pattern is invalid
     */
    @Activate
    public LoggingEventBus(BundleContext context, Config config) {
        this.stage = new EventLogStage(LoggerFactory.getILoggerFactory(), redactor(config, "not started"));
        this.closeTimeoutMillis = config.close_timeout_ms();
        this.service = BusService.start(context, new DispatchEngine(BUS_NAME, stage), properties(config));
    }

    /**
     * Applies a new ranking, redaction pattern and close timeout without re-registering the bus.
     *
     * @param config the new configuration
     * @throws IllegalArgumentException naming {@value #REDACTION_PATTERN} if the pattern is invalid;
     *         nothing is changed then
     */
    @Modified
    void modified(Config config) {
        DetailRedactor redactor = redactor(config, "keeps its previous configuration");
        stage.redactor(redactor);
        closeTimeoutMillis = config.close_timeout_ms();
        service.update(properties(config));
    }

    /** Unregisters the bus, then closes it (emits through stale references are rejected). */
    @Deactivate
    void deactivate() {
        service.stop(() -> { }, closeTimeoutMillis);
    }

    private static DetailRedactor redactor(Config config, String outcome) {
        try {
            return DetailRedactor.compile(config.redaction_pattern());
        } catch (PatternSyntaxException e) {
            String message = REDACTION_PATTERN + ": invalid regular expression '" + e.getPattern() + "': "
                    + e.getDescription() + " at index " + e.getIndex();
            LOG.error("logging bus {}: {}", outcome, message);
            throw new IllegalArgumentException(message);
        }
    }

    private static Map<String, Object> properties(Config config) {
        return Map.of(Constants.SERVICE_RANKING, config.service_ranking(), EventBusConstants.BUS_NAME, BUS_NAME);
    }
}
