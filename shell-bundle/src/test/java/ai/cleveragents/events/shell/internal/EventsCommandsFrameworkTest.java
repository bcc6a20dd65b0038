package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.dispatch.BusService;
import ai.cleveragents.events.dispatch.DispatchEngine;

/**
 * The reporting commands against real services in an embedded Felix: a bus published by the shared
 * dispatch core and a metrics source (the full distribution is exercised by the runtime's tests).
 */
public class EventsCommandsFrameworkTest {

    private Framework framework;
    private BundleContext context;
    private BusService service;

    @Before
    public void start() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("felix-commands").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        context = framework.getBundleContext();
        DispatchEngine engine = new DispatchEngine("demo", (event, emitter) -> false);
        service = BusService.start(context, engine, Map.of(Constants.SERVICE_RANKING, 42, EventBusConstants.BUS_NAME, "demo"));
        engine.view(null).emit(DomainEvent.of(EventType.PLAN_CREATED));
        engine.view(null).subscribe(EventType.TOOL_FAILED, e -> { });
        context.registerService(MetricsSource.class, () -> Map.of("things", 7L),
                new java.util.Hashtable<>(Map.of(EventBusConstants.METRICS_NAME, "demo-source")));
    }

    @After
    public void stop() throws Exception {
        service.stop(() -> { }, 1_000);
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    public void busesStatsAndSubscribersPrintTheServicesPresentOnTheSession() {
        EventsCommands commands = new EventsCommands(context);
        try (Sessions console = new Sessions()) {
            commands.buses(console.session());
            String buses = console.printed();
            assertTrue(buses, buses.contains("demo") && buses.contains("42") && buses.endsWith("\n"));
            commands.stats(console.session());
            String stats = console.printed();
            assertTrue(stats, stats.contains("demo-source") && stats.contains("things"));
            commands.subscribers(console.session());
            String subscribers = console.printed();
            assertTrue(subscribers, subscribers.contains("tool.failed"));
        }
    }

    @Test
    public void aFailedCommandPrintsNothingAndThrowsItsOneLineError() {
        EventsCommands commands = new EventsCommands(context);
        try (Sessions console = new Sessions()) {
            assertThrows(CommandException.class, () -> commands.emit(console.session(), "no.such_type"));
            assertThrows(CommandException.class, () -> commands.journal(console.session(), "-n", "1"));
            assertEquals("", console.printed());
        }
    }
}
