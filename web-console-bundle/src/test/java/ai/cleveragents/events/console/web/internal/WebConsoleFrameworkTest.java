package ai.cleveragents.events.console.web.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.felix.cm.impl.ConfigurationManager;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.servlet.context.ServletContextHelper;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.dispatch.BusService;
import ai.cleveragents.events.dispatch.DispatchEngine;
import ai.cleveragents.events.dispatch.redaction.RedactionPolicy;

/**
 * The console's start-up, its bus list and its redaction against real services in an embedded Felix
 * with the real Config Admin (the whole bundle in Felix with Jetty is exercised by the itests and the
 * runtime's browser test).
 */
public class WebConsoleFrameworkTest {

    private Framework framework;
    private BundleContext context;
    private ConfigurationAdmin admin;

    @Before
    public void start() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("felix-web").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.cm;version=1.6.1");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        context = framework.getBundleContext();
        context.installBundle(ConfigurationManager.class.getProtectionDomain().getCodeSource().getLocation()
                .toString()).start();
        admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
    }

    @After
    public void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    private ServiceReference<?>[] contexts() throws Exception {
        return context.getServiceReferences(ServletContextHelper.class.getName(), null);
    }

    @Test
    public void aValidConfigurationConfiguresTheHttpServiceAndRegistersTheContext() throws Exception {
        WebConsole console = new WebConsole(context, admin, TestConfigs.config(Map.of("port", 18181)));
        ServiceReference<?>[] refs = contexts();
        assertEquals(1, refs.length);
        assertEquals(ConsoleContext.NAME, refs[0].getProperty("osgi.http.whiteboard.context.name"));
        assertEquals("/console", refs[0].getProperty("osgi.http.whiteboard.context.path"));
        assertEquals("http://127.0.0.1:18181/console/", refs[0].getProperty(WebConsole.URL_PROPERTY));
        Dictionary<String, Object> http = admin.getConfiguration(WebConsole.HTTP_PID, "?").getProperties();
        assertEquals("127.0.0.1", http.get("org.apache.felix.http.host"));
        assertEquals(18181, http.get("org.osgi.service.http.port"));
        assertEquals(Boolean.FALSE, http.get("org.apache.felix.http.jetty.sendServerHeader"));
        long changes = admin.getConfiguration(WebConsole.HTTP_PID, "?").getChangeCount();
        console.deactivate();
        assertNull(contexts());
        WebConsole again = new WebConsole(context, admin, TestConfigs.config(Map.of("port", 18181)));
        assertEquals(changes, admin.getConfiguration(WebConsole.HTTP_PID, "?").getChangeCount());
        again.deactivate();
        new WebConsole(context, admin, TestConfigs.config(Map.of("port", 18182, "configure_http", false))).deactivate();
        assertEquals(18181, admin.getConfiguration(WebConsole.HTTP_PID, "?").getProperties().get("org.osgi.service.http.port"));
    }

    @Test
    public void aRefusedConfigurationServesNothingAndBindsNothing() throws Exception {
        WebConsole console = new WebConsole(context, admin, TestConfigs.config(Map.of("bind_address", "0.0.0.0")));
        assertNull(contexts());
        assertNull(admin.getConfiguration(WebConsole.HTTP_PID, "?").getProperties());
        console.deactivate();
    }

    @Test
    public void busesListEveryBusByPreferenceWithItsMetricsAndTheOtherSources() throws Exception {
        DispatchEngine low = new DispatchEngine("low", (event, emitter) -> false);
        DispatchEngine high = new DispatchEngine("high", (event, emitter) -> false);
        BusService a = BusService.start(context, low, Map.of(Constants.SERVICE_RANKING, 10, EventBusConstants.BUS_NAME, "low"));
        BusService b = BusService.start(context, high, Map.of(Constants.SERVICE_RANKING, 100, EventBusConstants.BUS_NAME, "high"));
        high.view(null).emit(DomainEvent.of(EventType.PLAN_CREATED));
        high.view(null).emit(DomainEvent.of(EventType.PLAN_CREATED));
        context.registerService(MetricsSource.class, () -> Map.of("things", 7L),
                new Hashtable<>(Map.of(EventBusConstants.METRICS_NAME, "bridge")));
        try (ConsoleServer server = new ConsoleServer(Auth.of("", "", "")).serve(new BusesServlet(context), "/api/buses").start()) {
            String body = Http.get(server.uri("/api/buses")).body();
            assertTrue(body, body.matches("\\{\"time\":\\d+,\"buses\":\\[\\{\"service_id\":\\d+,\"name\":\"high\",\"ranking\":100,"
                    + "\"bundle\":\"org.apache.felix.framework\",\"bound\":false,\"emitted_total\":2,"
                    + "\"emitted\":\\{\"plan.created\":2},\"deliveries\":0,.*\\{\"service_id\":\\d+,\"name\":\"low\".*"));
            assertTrue(body, body.endsWith("\"sources\":[{\"name\":\"bridge\",\"metrics\":{\"things\":7}}]}"));
        } finally {
            a.stop(() -> { }, 1_000);
            b.stop(() -> { }, 1_000);
        }
    }

    @Test
    public void eventsAreMaskedByTheConfiguredPolicyWhileActiveAndByTheDefaultsOtherwise() throws Exception {
        DomainEvent event = DomainEvent.builder(EventType.TOOL_INVOKED).detail("ssn", "123-45-6789")
                .detail("password", "hunter2").build();
        assertFalse(EventJson.of(event).contains("hunter2"));
        ConsoleRedaction redaction = new ConsoleRedaction(context);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(RedactionPolicy.KEY_PATTERN, "^ssn$");
        admin.getConfiguration(RedactionPolicy.PID, "?").update(props);
        await().atMost(Duration.ofSeconds(10)).until(() -> !EventJson.of(event).contains("123-45-6789"));
        assertTrue(EventJson.of(event).contains("hunter2"));
        redaction.deactivate();
        assertFalse(EventJson.of(event).contains("hunter2"));
    }
}
