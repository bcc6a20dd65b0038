package ai.cleveragents.events.bus.logging.internal;

import static ai.cleveragents.events.bus.logging.internal.Configs.config;
import static ai.cleveragents.events.bus.logging.internal.LogCapture.keyValues;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.LoggerFactory;

/** The component's life cycle against a real embedded Felix framework and the real Logback backend. */
public class LoggingEventBusTest {

    private Framework felix;
    private BundleContext context;
    private LogCapture log;

    @Before
    public void startFramework() throws Exception {
        felix = java.util.ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("felix-logging").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "ai.cleveragents.events;version=1.0.0"));
        felix.start();
        context = felix.getBundleContext();
        log = new LogCapture((LoggerContext) LoggerFactory.getILoggerFactory());
    }

    @After
    public void stopFramework() throws Exception {
        log.detach();
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    public void registersTheBusWithDefaultRankingAndName() {
        LoggingEventBus component = new LoggingEventBus(context, config(Map.of()), Map.of());

        ServiceReference<EventBus> ref = context.getServiceReference(EventBus.class);
        assertEquals(10, ref.getProperty(Constants.SERVICE_RANKING));
        assertEquals("logging", ref.getProperty(EventBusConstants.BUS_NAME));
        component.deactivate();
        assertNull(context.getServiceReference(EventBus.class));
    }

    @Test
    public void deliversToWhiteboardHandlersAndLogsEveryEvent() {
        LoggingEventBus component = new LoggingEventBus(context, config(Map.of()), Map.of());
        List<DomainEvent> got = new ArrayList<>();
        Hashtable<String, Object> props = new Hashtable<>(Map.of(EventBusConstants.EVENT_TYPES, "plan.*"));
        context.registerService(EventHandler.class, got::add, props);
        EventBus bus = context.getService(context.getServiceReference(EventBus.class));

        bus.emit(DomainEvent.builder(EventType.PLAN_CREATED).detail("password", "hunter2").build());

        assertEquals("hunter2", got.get(0).details().get("password"));
        assertEquals(DetailRedactor.MASK, keyValues(log.only()).get("details.password"));
        component.deactivate();
        assertThrows(EventRejectedException.class, () -> bus.emit(DomainEvent.of(EventType.PLAN_STARTED)));
    }

    @Test
    public void aModifiedConfigurationChangesRankingLive() {
        LoggingEventBus component = new LoggingEventBus(context, config(Map.of("service_ranking", 500)), Map.of());
        ServiceReference<EventBus> ref = context.getServiceReference(EventBus.class);
        assertEquals(500, ref.getProperty(Constants.SERVICE_RANKING));

        component.modified(config(Map.of("service_ranking", 7)), Map.of());

        assertEquals(7, ref.getProperty(Constants.SERVICE_RANKING));
        assertTrue(log.records().isEmpty());
        component.deactivate();
        component.deactivate();
        assertFalse(component.isRunning());
    }

    @Test
    public void theLegacyRedactionPatternIsNamedInOneWarningAndTheDefaultPolicyStillMasks() {
        Map<String, Object> legacy = Map.of(LoggingEventBus.LEGACY_REDACTION_PATTERN, "^question$");
        LoggingEventBus component = new LoggingEventBus(context, config(Map.of()), legacy);

        ILoggingEvent line = log.only();
        assertEquals(Level.WARN, line.getLevel());
        assertEquals("ai.cleveragents.events.bus.logging: redaction.pattern is no longer read; set key.pattern in "
                + "the configuration ai.cleveragents.events.redaction instead (see docs/security.md)",
                line.getFormattedMessage());
        context.getService(context.getServiceReference(EventBus.class))
                .emit(DomainEvent.builder(EventType.SESSION_ENDED).detail("passphrase", "1").build());
        assertEquals(DetailRedactor.MASK, keyValues(log.records().get(1)).get("details.passphrase"));
        component.modified(config(Map.of()), legacy);
        assertEquals(3, log.records().size());
        component.deactivate();
    }
}
