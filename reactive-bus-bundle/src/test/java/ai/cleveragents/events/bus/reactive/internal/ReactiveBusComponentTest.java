package ai.cleveragents.events.bus.reactive.internal;

import static ai.cleveragents.events.bus.reactive.internal.Configs.config;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventStream;
import ai.cleveragents.events.EventType;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** The component's registrations and live reconfiguration, in a real embedded Felix framework. */
public class ReactiveBusComponentTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Framework framework;
    private BundleContext context;

    @Before
    public void start() throws Exception {
        startWith(Map.of());
    }

    private void startWith(Map<String, String> properties) throws Exception {
        Map<String, String> fw = new HashMap<>(properties);
        fw.put(Constants.FRAMEWORK_STORAGE, tmp.newFolder().toString());
        fw.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(fw);
        framework.start();
        context = framework.getBundleContext();
    }

    @After
    public void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    public void registersBusStreamAndJournalWithRanking100ByDefault() {
        ReactiveBusComponent c = new ReactiveBusComponent(context, config(Map.of()));
        ServiceReference<EventBus> bus = context.getServiceReference(EventBus.class);
        assertEquals(100, bus.getProperty(Constants.SERVICE_RANKING));
        assertEquals("reactive", bus.getProperty(EventBusConstants.BUS_NAME));
        assertNotNull(context.getServiceReference(EventStream.class));
        EventJournal journal = context.getService(context.getServiceReference(EventJournal.class));
        DomainEvent e = DomainEvent.of(EventType.PLAN_CREATED);
        context.getService(bus).emit(e);
        assertEquals(e.eventId(), journal.lastEventId().orElseThrow());
        assertTrue("default journal lives in the bundle data area",
                Files.isDirectory(context.getDataFile("journal").toPath()));
        c.deactivate();
        assertNull(context.getServiceReference(EventBus.class));
        assertNull(context.getServiceReference(EventStream.class));
        assertNull(context.getServiceReference(EventJournal.class));
    }

    @Test
    public void rankingAndJournalSettingsChangeLiveWithoutReregistering() throws Exception {
        Path first = tmp.newFolder("j1").toPath();
        ReactiveBusComponent c = new ReactiveBusComponent(context, config(Map.of("journal_directory", first.toString())));
        Object id = context.getServiceReference(EventBus.class).getProperty(Constants.SERVICE_ID);
        Path second = tmp.newFolder("j2").toPath();
        c.modified(config(Map.of("service_ranking", 7, "journal_directory", second.toString(),
                "journal_durability", "always")));
        ServiceReference<EventBus> ref = context.getServiceReference(EventBus.class);
        assertEquals(id, ref.getProperty(Constants.SERVICE_ID));
        assertEquals(7, ref.getProperty(Constants.SERVICE_RANKING));
        assertEquals(7, context.getServiceReference(EventStream.class).getProperty(Constants.SERVICE_RANKING));
        context.getService(ref).emit(DomainEvent.of(EventType.TOOL_FAILED));
        try (var files = Files.list(second)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".jsonl")).count());
        }
        Path notADirectory = tmp.newFile("plain-file").toPath();
        c.modified(config(Map.of("service_ranking", 7, "journal_directory", notADirectory.toString())));
        assertEquals("the current journal stays", id, context.getServiceReference(EventBus.class).getProperty(Constants.SERVICE_ID));
        context.getService(ref).emit(DomainEvent.of(EventType.TOOL_FAILED));

        c.deactivate();
    }

    @Test
    public void streamOrJournalToggleRestartsTheBus() {
        ReactiveBusComponent c = new ReactiveBusComponent(context, config(Map.of("journal_enabled", false)));
        assertNull(context.getServiceReference(EventJournal.class));
        Object id = context.getServiceReference(EventBus.class).getProperty(Constants.SERVICE_ID);
        c.modified(config(Map.of("journal_enabled", false, "stream_overflow", "cancel")));
        assertNotEquals(id, context.getServiceReference(EventBus.class).getProperty(Constants.SERVICE_ID));
        c.deactivate();
    }

    @Test
    public void badConfigurationRegistersNothingUntilItIsFixed() {
        ReactiveBusComponent c = new ReactiveBusComponent(context, config(Map.of("journal_durability", "sometimes")));
        assertFalse(c.isRunning());
        assertNull(context.getServiceReference(EventBus.class));
        c.modified(config(Map.of("stream_buffer_size", 0)));
        assertNull(context.getServiceReference(EventBus.class));
        c.modified(config(Map.of()));
        assertTrue(c.isRunning());
        assertNotNull(context.getServiceReference(EventBus.class));
        c.modified(config(Map.of("journal_durability", "never")));
        assertFalse("an invalid change stops the bus rather than run it misconfigured", c.isRunning());
        c.deactivate();
    }

    @Test
    public void anUnusableJournalDirectoryRegistersNothingUntilItIsFixed() throws Exception {
        Path file = tmp.newFile("not-a-directory").toPath();
        ReactiveBusComponent c = new ReactiveBusComponent(context, config(Map.of("journal_directory", file.toString())));
        assertFalse(c.isRunning());
        assertNull(context.getServiceReference(EventBus.class));
        c.modified(config(Map.of("journal_directory", tmp.newFolder("fixed").toString())));
        assertTrue(c.isRunning());
        c.deactivate();
        c.deactivate();
        assertFalse(c.isRunning());
    }

    @Test
    public void settingsErrorsNameTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.from(config(Map.of("journal_durability", "sometimes")), tmp.getRoot().toPath()));
        assertEquals("journal.durability must be one of none, group, always; got 'sometimes'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.from(config(Map.of("stream_buffer_size", 0)), tmp.getRoot().toPath()));
        assertEquals("stream.buffer.size must be >= 1; got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.from(config(Map.of("journal_directory", "bad\0path")), tmp.getRoot().toPath()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("journal.directory is not a valid path"));
    }

    @Test
    public void theJournalRecordsWhichBundleEmittedEachEvent() throws Exception {
        Path dir = tmp.newFolder("emitter").toPath();
        ReactiveBusComponent c = new ReactiveBusComponent(context, config(Map.of("journal_directory", dir.toString())));
        context.getService(context.getServiceReference(EventBus.class)).emit(DomainEvent.of(EventType.TOOL_FAILED));
        c.deactivate();
        String expected = "\"emitter\":\"" + context.getBundle().getSymbolicName() + "/" + context.getBundle().getVersion()
                + "\"";
        assertTrue(expected, Files.readString(ReactiveBusTest.onlySegment(dir)).contains(expected));
    }

    @Test
    public void aSecondBusOnTheSameJournalDirectoryRegistersNothingAndTheFirstKeepsServing() throws Exception {
        Path dir = tmp.newFolder("shared").toPath();
        ReactiveBusComponent first = new ReactiveBusComponent(context, config(Map.of("journal_directory", dir.toString())));
        ReactiveBusComponent second = new ReactiveBusComponent(context, config(Map.of("journal_directory", dir.toString(),
                "service_ranking", 200)));
        assertFalse(second.isRunning());
        assertEquals(1, context.getServiceReferences(EventBus.class, null).size());
        ServiceReference<EventBus> ref = context.getServiceReference(EventBus.class);
        assertEquals(100, ref.getProperty(Constants.SERVICE_RANKING));
        context.getService(ref).emit(DomainEvent.of(EventType.TOOL_FAILED));
        EventJournal journal = context.getService(context.getServiceReference(EventJournal.class));
        assertEquals(1, journal.verify().records());
        second.deactivate();
        first.deactivate();
    }

    @Test
    public void redactionAtRestFollowsTheConfigurationLive() throws Exception {
        Path dir = tmp.newFolder("redact").toPath();
        ReactiveBusComponent c = new ReactiveBusComponent(context, config(Map.of("journal_directory", dir.toString(),
                "journal_redact", false)));
        EventBus bus = context.getService(context.getServiceReference(EventBus.class));
        bus.emit(DomainEvent.builder(EventType.TOOL_INVOKED).detail("password", "in-clear").build());
        c.modified(config(Map.of("journal_directory", dir.toString())));
        bus.emit(DomainEvent.builder(EventType.TOOL_INVOKED).detail("password", "masked").build());
        c.deactivate();
        String file = Files.readString(ReactiveBusTest.onlySegment(dir));
        assertTrue(file, file.contains("in-clear"));
        assertFalse(file, file.contains("masked"));
    }

    @Test
    public void underKarafTheDefaultJournalIsInKarafData() throws Exception {
        stop();
        Path karafData = tmp.newFolder("karaf-data").toPath();
        startWith(Map.of("karaf.data", karafData.toString()));
        ReactiveBusComponent c = new ReactiveBusComponent(context, config(Map.of()));
        context.getService(context.getServiceReference(EventBus.class)).emit(DomainEvent.of(EventType.TOOL_FAILED));
        c.deactivate();
        ReactiveBusTest.onlySegment(karafData.resolve("cleveragents-events").resolve("journal"));
        assertFalse(Files.exists(context.getDataFile("journal").toPath()));
    }
}
