package ai.cleveragents.events.itests;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.services.DecisionService;
import ai.cleveragents.events.services.PlanLifecycleService;

import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.ServiceRegistration;

/** What the services tests share: the two services, their metrics, and a whiteboard handler. */
public abstract class ServicesTestSupport extends OsgiTestSupport {

    @Inject
    protected PlanLifecycleService plans;

    @Inject
    protected DecisionService decisions;

    @Inject
    @Filter("(metrics.name=services.plan)")
    protected MetricsSource planMetrics;

    @Inject
    @Filter("(metrics.name=services.decision)")
    protected MetricsSource decisionMetrics;

    /** @return the two services' {@code counter}s added up */
    protected long servicesCounter(String counter) {
        return planMetrics.metrics().get(counter) + decisionMetrics.metrics().get(counter);
    }

    /** Registers a whiteboard {@link EventHandler} for the plan and decision domains. */
    protected ServiceRegistration<EventHandler> registerHandler(EventHandler handler) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_TYPES, new String[] {"plan.*", "decision.*"});
        return context.registerService(EventHandler.class, handler, props);
    }
}
