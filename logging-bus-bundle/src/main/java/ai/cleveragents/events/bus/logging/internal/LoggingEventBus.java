package ai.cleveragents.events.bus.logging.internal;

import java.util.Map;

import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.dispatch.BusService;
import ai.cleveragents.events.dispatch.DispatchEngine;
import ai.cleveragents.events.dispatch.redaction.RedactionPolicy;
import ai.cleveragents.events.dispatch.redaction.RedactionPolicyTracker;

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
 * record per event (see {@link EventLogStage}) with sensitive details masked by the runtime's one
 * redaction policy ({@link RedactionPolicy}, followed live by a {@link RedactionPolicyTracker}).
 * Registered with {@code service.ranking} 10 by default, below the reactive bus, and
 * {@value EventBusConstants#BUS_NAME}={@value #BUS_NAME}.
 *
 * <p>A configuration change of ranking or close timeout applies live, without re-registration. The
 * 1.0 property {@value #LEGACY_REDACTION_PATTERN} is no longer read: if it is still set, one WARN line
 * says where the pattern lives now.
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
    /** The 1.0 property that held the redaction pattern, now {@code key.pattern} of {@value RedactionPolicy#PID}. */
    public static final String LEGACY_REDACTION_PATTERN = "redaction.pattern";

    private static final Logger LOG = LoggerFactory.getLogger(LoggingEventBus.class);

    /** Typed configuration of the logging bus. */
    @ObjectClassDefinition(name = "CleverAgents logging event bus",
            description = "An EventBus that writes one structured SLF4J record per event, with sensitive "
                    + "details masked by the redaction policy (" + RedactionPolicy.PID + "), and delivers to "
                    + "subscribers like every bus.")
    @interface Config {
        @AttributeDefinition(name = "Service ranking",
                description = "service.ranking of the EventBus service; consumers bind to the highest. "
                        + "Default 10, below the reactive bus (100).")
        int service_ranking() default 10;

        @AttributeDefinition(name = "Close timeout (ms)",
                description = "How long deactivation waits for emits in flight before closing subscriptions.")
        long close_timeout_ms() default 5_000;
    }

    private final RedactionPolicyTracker policy;
    private final BusService service;
    /** Guarded by {@code this}. */
    private long closeTimeoutMillis;
    /** Guarded by {@code this}. */
    private boolean running = true;

    /**
     * Starts following the redaction policy and registers the bus.
     *
     * @param context    this bundle's context
     * @param config     the configuration
     * @param properties the same configuration, untyped (to find the legacy property)
     */
    @Activate
    public LoggingEventBus(BundleContext context, Config config, Map<String, Object> properties) {
        this.policy = RedactionPolicyTracker.open(context);
        EventLogStage stage = new EventLogStage(LoggerFactory.getILoggerFactory(), policy);
        synchronized (this) {
            this.closeTimeoutMillis = config.close_timeout_ms();
            this.service = BusService.start(context, new DispatchEngine(BUS_NAME, stage), properties(config));
        }
        warnIfLegacy(properties);
    }

    /**
     * Applies a new ranking and close timeout without re-registering the bus.
     *
     * @param config     the new configuration
     * @param properties the same configuration, untyped
     */
    @Modified
    synchronized void modified(Config config, Map<String, Object> properties) {
        closeTimeoutMillis = config.close_timeout_ms();
        service.update(properties(config));
        warnIfLegacy(properties);
    }

    /** Unregisters the bus, then closes it (emits through stale references are rejected). Idempotent. */
    @Deactivate
    synchronized void deactivate() {
        if (running) {
            service.stop(() -> { }, closeTimeoutMillis);
            policy.close();
            running = false;
        }
    }

    /** @return {@code true} while the bus is registered */
    synchronized boolean isRunning() {
        return running;
    }

    private static void warnIfLegacy(Map<String, Object> properties) {
        if (properties.get(LEGACY_REDACTION_PATTERN) != null) {
            LOG.warn("{}: {} is no longer read; set key.pattern in the configuration {} instead (see docs/security.md)",
                    PID, LEGACY_REDACTION_PATTERN, RedactionPolicy.PID);
        }
    }

    private static Map<String, Object> properties(Config config) {
        return Map.of(Constants.SERVICE_RANKING, config.service_ranking(), EventBusConstants.BUS_NAME, BUS_NAME);
    }
}
