package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;
import ai.cleveragents.events.dispatch.redaction.RedactionPolicy;
import ai.cleveragents.events.dispatch.redaction.RedactionPolicyTracker;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Event Admin bridge component. Outbound, it registers a whiteboard domain-event
 * {@link EventHandler} for every type ({@code event.types=*}), so it follows bus swaps by construction,
 * and hands each event to Event Admin under {@code <prefix>/<domain>/<name>}. Inbound, it registers an
 * Event Admin handler for {@code <prefix>/*} that queues events for the bridge's own thread, which
 * emits them on the bus bound now (greedy, dynamic, optional). Outbound events are redacted by the
 * runtime's redaction policy ({@value RedactionPolicy#PID}, followed live) unless
 * {@code outbound.redact=false}. Loop-safe both ways. Publishes its
 * counters as the {@link MetricsSource} {@value #METRICS_NAME}.
 *
 * <p>A configuration change restarts the component (the handlers are re-registered with the new
 * topics and filter).
 */
@Component(service = MetricsSource.class, immediate = true, configurationPid = EventAdminBridge.PID,
        property = EventBusConstants.METRICS_NAME + "=" + EventAdminBridge.METRICS_NAME)
@Designate(ocd = EventAdminBridge.Config.class)
public final class EventAdminBridge implements MetricsSource {

    /** The configuration PID. */
    public static final String PID = "ai.cleveragents.events.bridge.eventadmin";

    /** The {@value EventBusConstants#METRICS_NAME} of the bridge's {@link MetricsSource}. */
    public static final String METRICS_NAME = "eventadmin-bridge";

    /** The bridge's configuration. */
    @ObjectClassDefinition(id = PID, name = "CleverAgents Event Admin bridge",
            description = "Carries domain events to OSGi Event Admin and Event Admin events under a topic prefix"
                    + " onto the event bus, without loops.")
    public @interface Config {

        @AttributeDefinition(name = "Directions", description = "Which way events cross: out (bus to Event"
                + " Admin), in (Event Admin to bus) or both.")
        Direction directions() default Direction.both;

        @AttributeDefinition(name = "Topic prefix", description = "Event Admin topic prefix; events go out under"
                + " <prefix>/<domain>/<name> and come in from <prefix>/*. Letters, digits, '_' and '-' in"
                + " '/'-separated tokens.")
        String topic_prefix() default "cleveragents";

        @AttributeDefinition(name = "Outbound mode", description = "post: Event Admin delivers asynchronously"
                + " (the emitter does not wait); send: synchronously (the emitter waits for every Event Admin"
                + " handler).")
        OutboundMode outbound_mode() default OutboundMode.post;

        @AttributeDefinition(name = "Redact outbound events", description = "true (default): details and context"
                + " fields of outbound events are masked by the redaction policy (" + RedactionPolicy.PID + "), as in"
                + " every other output, because every Event Admin handler sees them; false: sent in clear.")
        boolean outbound_redact() default true;

        @AttributeDefinition(name = "Outbound filter", required = false, description = "Optional LDAP filter"
                + " evaluated against each outbound event's Event Admin properties, for example"
                + " (event.topics=cleveragents/plan/*); only matching events go out. Empty: all.")
        String outbound_filter() default "";

        @AttributeDefinition(name = "Inbound queue capacity", min = "1", description = "How many inbound"
                + " events may wait for the bridge's thread; beyond that they are dropped and counted"
                + " (dropped.queue_full).")
        int inbound_queue_capacity() default 10_000;

        @AttributeDefinition(name = "Dedupe capacity", min = "1", description = "How many recent event ids"
                + " each direction remembers to recognise an event coming back (bounded memory).")
        int dedupe_capacity() default 65_536;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus bus;

    private final Bridge bridge;
    private final RedactionPolicyTracker policy;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /**
     * @throws IllegalArgumentException if the configuration is invalid; the message names the property
     */
    @Activate
    public EventAdminBridge(BundleContext context, @Reference(name = "eventAdmin") EventAdmin eventAdmin,
            Config config) {
        BridgeSettings settings = BridgeSettings.of(config.directions(), config.topic_prefix(),
                config.outbound_mode(), config.outbound_filter(), config.inbound_queue_capacity(),
                config.dedupe_capacity());
        Consumer<Event> publish = settings.mode() == OutboundMode.send ? eventAdmin::sendEvent : eventAdmin::postEvent;
        this.policy = RedactionPolicyTracker.open(context);
        Supplier<DetailRedactor> redaction = config.outbound_redact() ? policy : () -> DetailRedactor.compile(null);
        this.bridge = new Bridge(settings, publish, () -> bus, redaction,
                new DropLog(TimeUnit.SECONDS.toNanos(10), System::nanoTime));
    }

    /**
     * Starts the pump and registers the handlers; called by SCR once the bus reference is injected, so
     * the first inbound event already finds the bound bus.
     */
    @Activate
    void start(BundleContext context) {
        bridge.start();
        if (bridge.inbound() != null) {
            registrations.add(context.registerService(org.osgi.service.event.EventHandler.class, bridge.inbound(),
                    dictionary(bridge.inboundProperties())));
        }
        if (bridge.outbound() != null) {
            registrations.add(context.registerService(EventHandler.class, bridge.outbound(),
                    dictionary(Map.<String, Object>of(EventBusConstants.EVENT_TYPES, "*",
                            EventBusConstants.EVENT_OBSERVER, Boolean.TRUE))));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            r.unregister();
        }
        bridge.stop();
        policy.close();
    }

    @Override
    public Map<String, Long> metrics() {
        return bridge.metrics();
    }

    private static Dictionary<String, Object> dictionary(Map<String, Object> map) {
        return new Hashtable<>(map);
    }
}
