package ai.cleveragents.events.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** Whiteboard tracking and per-bundle ownership against a real embedded Felix framework. */
public class WhiteboardAndServiceTest {

    private Framework framework;
    private BundleContext system;
    private DispatchEngine engine;
    private BusService service;

    @Before
    public void start() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("felix").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "ai.cleveragents.events;version=1.0.0");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        system = framework.getBundleContext();
        engine = new DispatchEngine("test", (event, emitter) -> false);
        service = BusService.start(system, engine, Map.of(Constants.SERVICE_RANKING, 100,
                EventBusConstants.BUS_NAME, "test"));
    }

    @After
    public void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    public void whiteboardHandlersReceiveTheirTypesUntilUnregistered() {
        List<DomainEvent> got = new ArrayList<>();
        ServiceRegistration<EventHandler> reg = system.registerService(EventHandler.class, got::add,
                props(EventBusConstants.EVENT_TYPES, new String[] {"plan.*", "decision.created"}));
        emit(EventType.PLAN_STARTED, EventType.DECISION_CREATED, EventType.DECISION_REVERTED);
        assertEquals(2, got.size());
        assertTrue(engine.metrics().subscriptionDetails().get(0).whiteboard());
        reg.setProperties(props(EventBusConstants.EVENT_TYPES, "decision.reverted"));
        emit(EventType.PLAN_STARTED, EventType.DECISION_REVERTED);
        assertEquals(3, got.size());
        assertEquals(EventType.DECISION_REVERTED, got.get(2).eventType());
        reg.unregister();
        emit(EventType.DECISION_REVERTED);
        assertEquals(3, got.size());
        assertEquals(0, engine.metrics().subscriptions());
    }

    @Test
    public void selectorsMayBeCollectionsOrCommaSeparated() {
        assertEquals(EnumSet.of(EventType.PLAN_CREATED, EventType.TOOL_FAILED),
                WhiteboardHandlers.parseSelectors(List.of("plan.created", "tool.failed")));
        assertEquals(EnumSet.of(EventType.PLAN_CREATED, EventType.TOOL_FAILED),
                WhiteboardHandlers.parseSelectors("plan.created, tool.failed"));
        assertEquals(EnumSet.allOf(EventType.class), WhiteboardHandlers.parseSelectors("*"));
        assertThrows(IllegalArgumentException.class, () -> WhiteboardHandlers.parseSelectors(" , "));
    }

    @Test
    public void aWhiteboardFilterSelectsEventsByTheirFieldsAndAnInvalidOneIgnoresTheHandler() {
        List<DomainEvent> got = new ArrayList<>();
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(EventBusConstants.EVENT_TYPES, "tool.*");
        p.put(EventBusConstants.EVENT_FILTER, "(&(plan_id=p-1)(details.tool=search))");
        ServiceRegistration<EventHandler> reg = system.registerService(EventHandler.class, got::add, p);
        EventBus bus = engine.view(null);
        DomainEvent wanted = DomainEvent.builder(EventType.TOOL_INVOKED).planId("p-1").detail("tool", "search").build();
        bus.emit(wanted);
        bus.emit(DomainEvent.builder(EventType.TOOL_INVOKED).planId("p-2").detail("tool", "search").build());
        bus.emit(DomainEvent.builder(EventType.TOOL_INVOKED).planId("p-1").detail("tool", "shell").build());
        bus.emit(DomainEvent.builder(EventType.PLAN_CREATED).planId("p-1").detail("tool", "search").build());
        assertEquals(List.of(wanted), got);
        assertEquals("filtered out by the only handler: unhandled", Long.valueOf(2),
                engine.metrics().unhandled().get(EventType.TOOL_INVOKED));
        p.put(EventBusConstants.EVENT_FILTER, "(plan_id=p-1");
        reg.setProperties(p);
        assertEquals(0, engine.metrics().subscriptions());
        bus.emit(wanted);
        assertEquals(1, got.size());
    }

    @Test
    public void anInvalidSelectorIsReportedWithTheGrammar() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WhiteboardHandlers.parseSelectors("*.failed"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("invalid event.types '*.failed': "));
        assertTrue(e.getMessage(), e.getMessage().endsWith("a selector is an event type id (plan.created), a domain"
                + " followed by .* (plan.*) or * for every type, several separated by commas"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WhiteboardHandlers.parseSelectors(
                new String[] {"plan.*", "x"})).getMessage().startsWith("invalid event.types [plan.*, x]: "));
    }

    @Test
    public void companionServicesShareTheBusLifecycle() {
        DispatchEngine other = new DispatchEngine("other", (event, emitter) -> false);
        Runnable companion = () -> { };
        BusService withCompanion = BusService.start(system, other, Map.of(Constants.SERVICE_RANKING, 5,
                EventBusConstants.BUS_NAME, "other"), List.of(new Companion<>(Runnable.class, companion)));
        ServiceReference<Runnable> ref = system.getServiceReference(Runnable.class);
        assertEquals(5, ref.getProperty(Constants.SERVICE_RANKING));
        assertEquals("other", ref.getProperty(EventBusConstants.BUS_NAME));
        withCompanion.update(Map.of(Constants.SERVICE_RANKING, 7, EventBusConstants.BUS_NAME, "other"));
        assertEquals(7, system.getServiceReference(Runnable.class).getProperty(Constants.SERVICE_RANKING));
        withCompanion.stop(() -> { }, 1_000);
        assertNull(system.getServiceReference(Runnable.class));
        assertTrue(other.isClosed());
        assertThrows(NullPointerException.class, () -> new Companion<>(Runnable.class, null));
    }

    @Test
    public void aHandlerWithAnInvalidSelectorIsIgnored() {
        List<DomainEvent> got = new ArrayList<>();
        system.registerService(EventHandler.class, got::add, props(EventBusConstants.EVENT_TYPES, "plan.exploded"));
        emit(EventType.PLAN_CREATED);
        assertTrue(got.isEmpty());
        assertEquals(0, engine.metrics().subscriptions());
    }

    @Test
    public void unhandledHandlersReceiveDeadEvents() {
        List<DomainEvent> dead = new ArrayList<>();
        system.registerService(EventHandler.class, dead::add, props(EventBusConstants.EVENT_UNHANDLED, "true"));
        List<DomainEvent> plans = new ArrayList<>();
        system.registerService(EventHandler.class, plans::add, props(EventBusConstants.EVENT_TYPES, "plan.*"));
        emit(EventType.PLAN_CREATED, EventType.TOOL_INVOKED);
        assertEquals(1, plans.size());
        assertEquals(1, dead.size());
        assertEquals(EventType.TOOL_INVOKED, dead.get(0).eventType());
    }

    @Test
    public void whiteboardObserversLeaveEventsUnhandled() {
        List<DomainEvent> dead = new ArrayList<>();
        system.registerService(EventHandler.class, dead::add, props(EventBusConstants.EVENT_UNHANDLED, "true"));
        List<DomainEvent> seen = new ArrayList<>();
        Hashtable<String, Object> observer = new Hashtable<>();
        observer.put(EventBusConstants.EVENT_TYPES, "*");
        observer.put(EventBusConstants.EVENT_OBSERVER, "true");
        system.registerService(EventHandler.class, seen::add, observer);
        emit(EventType.PLAN_CREATED, EventType.TOOL_INVOKED);
        assertEquals(2, seen.size());
        assertEquals(2, dead.size());
        assertEquals(Long.valueOf(1), engine.metrics().unhandled().get(EventType.TOOL_INVOKED));
        assertTrue(engine.metrics().subscriptionDetails().stream().anyMatch(i -> i.observer()));
    }

    @Test
    public void subscriptionsBelongToTheBundleThatMadeThemAndEndWithIt() throws Exception {
        Bundle client = system.installBundle("client", emptyBundle("client"));
        client.start();
        BundleContext clientContext = client.getBundleContext();
        ServiceReference<EventBus> ref = clientContext.getServiceReference(EventBus.class);
        assertEquals(100, ref.getProperty(Constants.SERVICE_RANKING));
        EventBus bus = clientContext.getService(ref);
        Subscription s = bus.subscribeAll(e -> { });
        assertEquals("client [" + client.getBundleId() + "]", engine.metrics().subscriptionDetails().get(0).owner());
        assertTrue(bus.toString().contains("client"));
        bus.emit(DomainEvent.of(EventType.SESSION_STARTED));
        assertEquals(1, bus.metrics().deliveries());
        client.stop();
        assertFalse("the bundle's subscriptions are closed when it stops", s.isActive());
        assertEquals(0, engine.metrics().subscriptions());
    }

    @Test
    public void updatedPropertiesAreVisibleWithoutReregistration() {
        ServiceReference<EventBus> before = system.getServiceReference(EventBus.class);
        service.update(Map.of(Constants.SERVICE_RANKING, 5, EventBusConstants.BUS_NAME, "test"));
        ServiceReference<EventBus> after = system.getServiceReference(EventBus.class);
        assertEquals(before.getProperty(Constants.SERVICE_ID), after.getProperty(Constants.SERVICE_ID));
        assertEquals(5, after.getProperty(Constants.SERVICE_RANKING));
    }

    @Test
    public void stoppingUnregistersFirstThenRejectsLateEmits() {
        EventBus bus = system.getService(system.getServiceReference(EventBus.class));
        List<DomainEvent> got = new ArrayList<>();
        system.registerService(EventHandler.class, got::add, props(EventBusConstants.EVENT_TYPES, "*"));
        service.stop(() -> assertNull(system.getServiceReference(EventBus.class)), 1000);
        assertThrows(EventRejectedException.class, () -> bus.emit(DomainEvent.of(EventType.PLAN_CREATED)));
        assertTrue(got.isEmpty());
        service.stop(() -> { }, 10);
        assertNotNull(engine.metrics());
    }

    private void emit(EventType... types) {
        EventBus bus = engine.view(null);
        for (EventType t : types) {
            bus.emit(DomainEvent.of(t));
        }
    }

    private static Dictionary<String, Object> props(String key, Object value) {
        Hashtable<String, Object> d = new Hashtable<>();
        d.put(key, value);
        return d;
    }

    private static ByteArrayInputStream emptyBundle(String name) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JarOutputStream(out, m).close();
        return new ByteArrayInputStream(out.toByteArray());
    }
}
