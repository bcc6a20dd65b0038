package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.MetricsSource;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.event.EventConstants;

/** The bridge's registrations follow its configuration; an invalid one fails activation, named. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventAdminBridgeConfigTest extends BridgeTestSupport {

    private static final String PID = "ai.cleveragents.events.bridge.eventadmin";
    private static final String COMPONENT = "ai.cleveragents.events.bridge.eventadmin.internal.EventAdminBridge";

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), bundleFile(BRIDGE_BSN)};
    }

    @After
    public void restoreDefaults() throws Exception {
        configAdmin.getConfiguration(PID, "?").delete();
        waitFor(() -> state() == ComponentConfigurationDTO.ACTIVE
                && "cleveragents/*".equals(inboundTopics()));
    }

    private void configure(Object... keyValues) throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put((String) keyValues[i], keyValues[i + 1]);
        }
        configAdmin.getConfiguration(PID, "?").update(props);
    }

    private ComponentConfigurationDTO configuration() {
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(installedBundle(BRIDGE_BSN), COMPONENT);
        Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
        return configurations.isEmpty() ? null : configurations.iterator().next();
    }

    private int state() {
        ComponentConfigurationDTO c = configuration();
        return c == null ? -1 : c.state;
    }

    private <S> List<ServiceReference<S>> fromBridge(Class<S> type) {
        Bundle bridge = installedBundle(BRIDGE_BSN);
        List<ServiceReference<S>> refs = new ArrayList<>();
        try {
            for (ServiceReference<S> r : context.getServiceReferences(type, null)) {
                if (bridge.equals(r.getBundle())) {
                    refs.add(r);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        return refs;
    }

    private String inboundTopics() {
        List<ServiceReference<org.osgi.service.event.EventHandler>> refs = fromBridge(org.osgi.service.event.EventHandler.class);
        return refs.isEmpty() ? null : (String) refs.get(0).getProperty(EventConstants.EVENT_TOPIC);
    }

    @Test
    public void byDefaultBothHandlersAndTheMetricsSourceAreRegistered() {
        waitFor(() -> state() == ComponentConfigurationDTO.ACTIVE);
        assertEquals("cleveragents/*", inboundTopics());
        List<ServiceReference<EventHandler>> outbound = fromBridge(EventHandler.class);
        assertEquals(1, outbound.size());
        assertEquals("*", outbound.get(0).getProperty(EventBusConstants.EVENT_TYPES));
        List<ServiceReference<MetricsSource>> metrics = fromBridge(MetricsSource.class);
        assertEquals("eventadmin-bridge", metrics.get(0).getProperty(EventBusConstants.METRICS_NAME));
        MetricsSource source = context.getService(metrics.get(0));
        assertEquals(0L, (long) source.metrics().get("queue.depth"));
        context.ungetService(metrics.get(0));
    }

    @Test
    public void directionsAndPrefixShapeTheRegistrations() throws Exception {
        configure("directions", "in", "topic.prefix", "acme/events");
        waitFor(() -> "acme/events/*".equals(inboundTopics()));
        assertTrue(fromBridge(EventHandler.class).isEmpty());
        configure("directions", "out");
        waitFor(() -> inboundTopics() == null && fromBridge(EventHandler.class).size() == 1);
    }

    @Test
    public void anInvalidOutboundFilterFailsActivationNamingTheProperty() throws Exception {
        configure("outbound.filter", "(plan_id=p-1");
        waitFor(() -> state() == ComponentConfigurationDTO.FAILED_ACTIVATION);
        assertTrue(configuration().failure, configuration().failure.contains("outbound.filter"));
        assertEquals(null, inboundTopics());
        assertTrue(fromBridge(EventHandler.class).isEmpty());
    }
}
