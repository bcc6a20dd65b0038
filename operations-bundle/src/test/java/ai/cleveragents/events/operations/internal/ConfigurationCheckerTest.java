package ai.cleveragents.events.operations.internal;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** The checker in a real framework, against stand-ins for Config Admin, Metatype and SCR. */
public class ConfigurationCheckerTest {

    private static final String PID = "ai.cleveragents.events.bus.reactive";

    private EmbeddedFramework framework;
    private final LogRecords records = new LogRecords();
    private final Map<String, Dictionary<String, Object>> configurations = new java.util.TreeMap<>();
    private boolean listingFails;

    @Before
    public void start() throws Exception {
        framework = new EmbeddedFramework();
    }

    @After
    public void stop() throws Exception {
        records.close();
        framework.close();
    }

    private ConfigurationChecker checker() {
        LogForwarder forwarder = new LogForwarder(StandIn.of(LogReaderService.class, Map.of(
                "getLog", a -> Collections.emptyEnumeration(), "addLogListener", a -> null)));
        ServiceComponentRuntime scr = StandIn.of(ServiceComponentRuntime.class, Map.of(
                "getComponentDescriptionDTOs", a -> List.of()));
        return new ConfigurationChecker(framework.context(), admin(), metatype(), forwarder, new ComponentRetry(scr));
    }

    private ConfigurationAdmin admin() {
        return StandIn.of(ConfigurationAdmin.class, Map.of("listConfigurations", a -> {
            if (listingFails) {
                throw new IOException("store unreadable");
            }
            String filter = (String) a[0];
            return configurations.entrySet().stream()
                    .filter(e -> filter == null || filter.equals("(service.pid=" + e.getKey() + ")"))
                    .map(e -> configuration(e.getKey(), e.getValue())).toArray(Configuration[]::new);
        }));
    }

    private static Configuration configuration(String pid, Dictionary<String, Object> properties) {
        return StandIn.of(Configuration.class, Map.of("getPid", a -> pid, "getFactoryPid", a -> null,
                "getProperties", a -> properties));
    }

    private MetaTypeService metatype() {
        AttributeDefinition ranking = StandIn.of(AttributeDefinition.class, Map.of("getID", a -> "service.ranking",
                "getType", a -> AttributeDefinition.INTEGER, "getOptionValues", a -> null));
        ObjectClassDefinition ocd = StandIn.of(ObjectClassDefinition.class, Map.<String, StandIn.Answer>of(
                "getAttributeDefinitions", a -> new AttributeDefinition[] {ranking}));
        MetaTypeInformation info = StandIn.of(MetaTypeInformation.class, Map.of("getPids", a -> new String[] {PID},
                "getFactoryPids", a -> null, "getObjectClassDefinition", a -> ocd));
        return StandIn.of(MetaTypeService.class, Map.of("getMetaTypeInformation",
                a -> ((Bundle) a[0]).getBundleId() == 0 ? info : null));
    }

    private static Dictionary<String, Object> props(Object... keyValues) {
        Hashtable<String, Object> table = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            table.put((String) keyValues[i], keyValues[i + 1]);
        }
        return table;
    }

    @Test
    public void badConfigurationsPresentAtStartAreNamed() {
        configurations.put(PID, props("service.ranking", "abc", "felix.fileinstall.filename", "file:/conf/bus.cfg"));
        configurations.put("no.metatype", props("anything", "goes"));
        configurations.put("empty", null);
        checker();
        assertEquals(List.of("ERROR ai.cleveragents.events.configuration - configuration " + PID
                + " (file:/conf/bus.cfg): service.ranking=abc is not valid; allowed: a whole number from -2147483648"
                + " to 2147483647 (Integer)"), records.lines());
    }

    @Test
    public void anUpdateIsCheckedAndADeletionOnlyRetried() {
        ConfigurationChecker checker = checker();
        configurations.put(PID, props("service.rnaking", "5"));
        ServiceReference<ConfigurationAdmin> ref = framework.context().registerService(ConfigurationAdmin.class, admin(),
                null).getReference();
        checker.configurationEvent(new ConfigurationEvent(ref, ConfigurationEvent.CM_UPDATED, null, PID));
        checker.configurationEvent(new ConfigurationEvent(ref, ConfigurationEvent.CM_DELETED, null, PID));
        assertEquals(List.of("ERROR ai.cleveragents.events.configuration - configuration " + PID
                + ": service.rnaking: unknown property; allowed: service.ranking"), records.lines());
    }

    @Test
    public void aConfigurationDeletedWhileCheckedIsAProblemNotACrash() {
        configurations.put(PID, props("service.ranking", "5"));
        ConfigurationAdmin deleting = StandIn.of(ConfigurationAdmin.class, Map.of("listConfigurations",
                a -> new Configuration[] {StandIn.of(Configuration.class, Map.of("getPid", b -> PID,
                        "getProperties", b -> {
                            throw new IllegalStateException("Configuration " + PID + " deleted");
                        }))}));
        LogForwarder forwarder = new LogForwarder(StandIn.of(LogReaderService.class, Map.of(
                "getLog", a -> Collections.emptyEnumeration(), "addLogListener", a -> null)));
        new ConfigurationChecker(framework.context(), deleting, metatype(), forwarder, new ComponentRetry(
                StandIn.of(ServiceComponentRuntime.class, Map.of("getComponentDescriptionDTOs", a -> List.of()))));
        assertEquals(List.of("ERROR ai.cleveragents.events.configuration - cannot check configuration " + PID
                + ": Configuration " + PID + " deleted"), records.lines());
    }

    @Test
    public void aConfigurationStoreThatCannotBeListedIsAProblemNotACrash() {
        listingFails = true;
        checker();
        assertEquals(List.of("ERROR ai.cleveragents.events.configuration - cannot list configurations: store unreadable"),
                records.lines());
    }
}
