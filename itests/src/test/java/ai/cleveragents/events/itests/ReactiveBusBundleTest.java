package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventLimits;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalReport;
import ai.cleveragents.events.Subscription;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration.ConfigurationAttribute;
import org.osgi.service.cm.ConfigurationAdmin;

/** The reactive bus bundle in a real Felix with SCR and Config Admin. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ReactiveBusBundleTest extends OsgiTestSupport {

    private static final String PID = "ai.cleveragents.events.bus.reactive";

    @Inject
    private EventBus bus;

    @Inject
    private ConfigurationAdmin configAdmin;

    private final List<ServiceRegistration<?>> registrations = new CopyOnWriteArrayList<>();

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), reactiveBus()};
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    @Test
    public void registersWithRanking100AndJournalsEveryEvent() throws Exception {
        ServiceReference<EventBus> ref = context.getServiceReference(EventBus.class);
        assertEquals(100, ref.getProperty(Constants.SERVICE_RANKING));
        assertEquals("reactive", ref.getProperty(EventBusConstants.BUS_NAME));
        DomainEvent event = DomainEvent.builder(EventType.PLAN_CREATED).planId("p-1").build();
        bus.emit(event);
        EventJournal journal = context.getService(context.getServiceReference(EventJournal.class));
        try (Stream<DomainEvent> replay = journal.replayFrom(event.eventId(), Set.of())) {
            assertEquals(List.of(event), replay.collect(Collectors.toList()));
        }
    }

    @Test
    public void aWhiteboardHandlerInAnotherBundleReceivesEvents() {
        List<DomainEvent> got = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_TYPES, "decision.*");
        registrations.add(context.registerService(EventHandler.class, got::add, props));
        bus.emit(DomainEvent.of(EventType.DECISION_CREATED));
        bus.emit(DomainEvent.of(EventType.PLAN_CREATED));
        assertEquals(1, got.size());
        assertEquals(EventType.DECISION_CREATED, got.get(0).eventType());
    }

    @Test
    public void stoppingABundleRemovesTheSubscriptionsItMade() throws Exception {
        Bundle client = installClientBundle("example.client");
        EventBus clientBus = client.getBundleContext().getService(
                client.getBundleContext().getServiceReference(EventBus.class));
        List<DomainEvent> got = new CopyOnWriteArrayList<>();
        Subscription s = clientBus.subscribeAll(got::add);
        bus.emit(DomainEvent.of(EventType.SESSION_STARTED));
        assertEquals(1, got.size());
        assertTrue(bus.metrics().subscriptionDetails().stream()
                .anyMatch(i -> i.owner().startsWith("example.client")));
        client.stop();
        assertFalse(s.isActive());
        bus.emit(DomainEvent.of(EventType.SESSION_ENDED));
        assertEquals(1, got.size());
        assertTrue(bus.metrics().subscriptionDetails().stream()
                .noneMatch(i -> i.owner().startsWith("example.client")));
        client.uninstall();
    }

    @Test
    public void aRankingChangeThroughConfigAdminIsSeenLive() throws Exception {
        ServiceReference<EventBus> before = context.getServiceReference(EventBus.class);
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("service.ranking", 250);
        c.update(props);
        waitFor(() -> Integer.valueOf(250).equals(context.getServiceReference(EventBus.class).getProperty(Constants.SERVICE_RANKING)));
        assertEquals("updated in place, not re-registered", before.getProperty(Constants.SERVICE_ID),
                context.getServiceReference(EventBus.class).getProperty(Constants.SERVICE_ID));
        assertFalse(c.getAttributes().contains(ConfigurationAttribute.READ_ONLY));
        c.delete();
    }

    @Test
    public void anUnusableJournalDirectoryLeavesNoBusRegistered() throws Exception {
        Bundle reactive = installedBundle("ai.cleveragents.events.bus.reactive");
        reactive.stop();
        java.io.File file = java.io.File.createTempFile("not-a-dir", ".txt");
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("journal.directory", file.getAbsolutePath());
        c.update(props);
        reactive.start();
        assertEquals(Bundle.ACTIVE, reactive.getState());
        assertTrue(context.getServiceReference(EventBus.class) == null);
        props.put("journal.directory", "");
        c.update(props);
        waitFor(() -> context.getServiceReference(EventBus.class) != null);
        assertNotNull(context.getServiceReference(EventJournal.class));
    }

    @Test
    public void aBadJournalDirectoryInALiveChangeKeepsTheWorkingJournal() throws Exception {
        ServiceReference<EventBus> before = context.getServiceReference(EventBus.class);
        java.io.File file = java.io.File.createTempFile("not-a-dir", ".txt");
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("journal.directory", file.getAbsolutePath());
        props.put("service.ranking", 99);
        c.update(props);
        waitFor(() -> Integer.valueOf(99).equals(context.getServiceReference(EventBus.class).getProperty(Constants.SERVICE_RANKING)));
        assertEquals(before.getProperty(Constants.SERVICE_ID),
                context.getServiceReference(EventBus.class).getProperty(Constants.SERVICE_ID));
        DomainEvent event = DomainEvent.of(EventType.TOOL_COMPLETED);
        bus.emit(event);
        EventJournal journal = context.getService(context.getServiceReference(EventJournal.class));
        assertEquals(event.eventId(), journal.lastEventId().orElseThrow());
        c.delete();
    }

    @Test
    public void theJournalNamesTheEmittingBundleRefusesWhatItCouldNotReadBackAndVerifies() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("journal-it");
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("journal.directory", dir.toString());
        props.put("service.ranking", 98);
        c.update(props);
        waitFor(() -> Integer.valueOf(98).equals(context.getServiceReference(EventBus.class).getProperty(Constants.SERVICE_RANKING)));
        DomainEvent event = DomainEvent.builder(EventType.TOOL_INVOKED).detail("password", "hunter2").build();
        bus.emit(event);
        EventRejectedException tooLarge = org.junit.Assert.assertThrows(EventRejectedException.class, () -> bus.emit(
                DomainEvent.builder(EventType.TOOL_INVOKED).detail("blob", "x".repeat(EventLimits.MAX_EVENT_BYTES)).build()));
        assertEquals(EventRejectedException.Reason.TOO_LARGE, tooLarge.reason());
        EventJournal journal = context.getService(context.getServiceReference(EventJournal.class));
        JournalReport report = journal.verify();
        assertTrue(report.summary(), report.isClean());
        String records;
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            java.nio.file.Path segment = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            records = java.nio.file.Files.readString(segment);
        }
        Bundle probe = org.osgi.framework.FrameworkUtil.getBundle(getClass());
        assertTrue(records, records.contains("\"emitter\":\"" + probe.getSymbolicName() + "/" + probe.getVersion() + "\","
                + "\"event_id\":\"" + event.eventId() + "\""));
        assertFalse("redacted at rest", records.contains("hunter2"));
        c.delete();
    }

    @Test
    public void aWhiteboardFilterIsMatchedByTheFrameworksFilterAndNestedEmitsArriveInJournalOrder() {
        List<DomainEvent> filtered = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_TYPES, "tool.*");
        props.put(EventBusConstants.EVENT_FILTER, "(&(plan_id=p-1)(details.attempt>=2))");
        registrations.add(context.registerService(EventHandler.class, filtered::add, props));
        List<DomainEvent> all = new CopyOnWriteArrayList<>();
        Subscription reEmitting = bus.subscribe(EventType.TOOL_INVOKED, e -> {
            if (e.details().containsKey("attempt")) {
                bus.emit(DomainEvent.builder(EventType.TOOL_COMPLETED).planId(e.planId()).detail("attempt", 3).build());
            }
        });
        Subscription everything = bus.subscribeAll(all::add);
        DomainEvent first = DomainEvent.builder(EventType.TOOL_INVOKED).planId("p-1").detail("attempt", 1).build();
        DomainEvent second = DomainEvent.builder(EventType.TOOL_INVOKED).planId("p-1").detail("attempt", 2).build();
        bus.emit(first);
        bus.emit(second);
        assertEquals(4, all.size());
        assertEquals(first, all.get(0));
        assertEquals("the nested event before the next outer one", EventType.TOOL_COMPLETED, all.get(1).eventType());
        assertEquals(second, all.get(2));
        assertEquals("matched by Felix's own LDAP filter", all.subList(1, 4), filtered);
        reEmitting.close();
        everything.close();
    }
}
