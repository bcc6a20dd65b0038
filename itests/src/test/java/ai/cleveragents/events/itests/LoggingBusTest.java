package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The logging bus in Felix: the record it writes (read back from the Logback file appender of
 * itests.log), a greedy consumer moving to the reactive bus and back, and the redaction policy followed
 * live, an invalid one included.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoggingBusTest extends OsgiTestSupport {

    private static final String LOGGING_PID = "ai.cleveragents.events.bus.logging";
    private static final String POLICY_PID = "ai.cleveragents.events.redaction";
    private static final Path LOG_FILE = Path.of("target/itests.log");

    @Inject
    private ConfigurationAdmin configAdmin;

    private final List<DomainEvent> received = new CopyOnWriteArrayList<>();
    private ServiceRegistration<EventHandler> handler;
    private GreedyConsumer consumer;
    /** Lines of the log file written before this test; itests.log is appended to across runs. */
    private int logMark;

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), loggingBus(),
                bundleFile("ai.cleveragents.events.bus.reactive").noStart()};
    }

    @Before
    public void registerHandlerAndConsumer() {
        logMark = readLog().size();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_TYPES, "plan.*");
        handler = context.registerService(EventHandler.class, received::add, props);
        consumer = new GreedyConsumer(context);
        waitFor(() -> "logging".equals(consumer.boundBusName()));
    }

    @After
    public void unregister() {
        consumer.close();
        handler.unregister();
    }

    @Test
    public void withOnlyTheLoggingBusAConsumerBindsToItAndEveryEventIsLoggedRedacted() {
        ServiceReference<EventBus> best = context.getServiceReference(EventBus.class);
        assertEquals(10, best.getProperty(Constants.SERVICE_RANKING));
        DomainEvent event = DomainEvent.builder(EventType.PLAN_FAILED).planId("p-1")
                .detail("reason", "timeout").detail("auth", Map.of("api_key", "k-1")).build();

        assertTrue(consumer.emit(event));

        assertEquals(List.of(event), received);
        waitFor(() -> logLine(event) != null);
        String line = logLine(event);
        assertTrue(line, line.contains(" WARN "));
        assertTrue(line, line.contains("ai.cleveragents.events.plan - plan.failed"));
        for (String kv : List.of("event_type=\"plan.failed\"", "event_id=\"" + event.eventId() + "\"",
                "correlation_id=\"" + event.correlationId() + "\"", "timestamp=\"" + event.timestamp() + "\"",
                "plan_id=\"p-1\"", "details.reason=\"timeout\"", "details.auth=\"***\"")) {
            assertTrue(kv + " in " + line, line.contains(kv));
        }
        assertFalse("absent fields are left out: " + line, line.contains("root_plan_id") || line.contains("=\"null\""));
    }

    @Test
    public void aGreedyConsumerMovesToTheReactiveBusWhileItRunsAndBackWhenItStops() throws Exception {
        Bundle reactive = installedBundle("ai.cleveragents.events.bus.reactive");
        reactive.start();
        try {
            waitFor(() -> "reactive".equals(consumer.boundBusName()));
            DomainEvent onReactive = DomainEvent.of(EventType.PLAN_CREATED);
            assertTrue(consumer.emit(onReactive));
            assertEquals(List.of(onReactive), received);
            assertNull("not logged by the logging bus", logLine(onReactive));
        } finally {
            reactive.stop();
        }
        waitFor(() -> "logging".equals(consumer.boundBusName()));
        DomainEvent backOnLogging = DomainEvent.of(EventType.PLAN_STARTED);
        assertTrue(consumer.emit(backOnLogging));
        assertEquals(2, received.size());
        waitFor(() -> logLine(backOnLogging) != null);
    }

    @Test
    public void theLoggingBusFollowsTheRedactionPolicyAndRestartsWithItEvenWhenItIsInvalid() throws Exception {
        org.osgi.service.cm.Configuration policy = configAdmin.getConfiguration(POLICY_PID, "?");
        try {
            policy.update(keyPattern("pass"));
            waitFor(() -> {
                DomainEvent probe = DomainEvent.builder(EventType.PLAN_CREATED).detail("passcode", "1").build();
                return consumer.emit(probe) && logLine(probe) != null && logLine(probe).contains("details.passcode=\"***\"");
            });
            policy.update(keyPattern("pass(word"));
            waitFor(() -> logContains("redaction policy " + POLICY_PID + " for " + LOGGING_PID
                    + ": key.pattern: invalid regular expression 'pass(word'"));

            Bundle bus = installedBundle(LOGGING_PID);
            bus.stop();
            bus.start();
            waitFor(() -> "logging".equals(consumer.boundBusName()));
            DomainEvent restarted = DomainEvent.builder(EventType.PLAN_CREATED).detail("password", "p").build();
            assertTrue(consumer.emit(restarted));
            assertTrue(logLine(restarted).contains("details.password=\"***\""));
        } finally {
            policy.delete();
        }
    }

    private static Dictionary<String, Object> keyPattern(String regex) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("key.pattern", regex);
        return props;
    }

    private String logLine(DomainEvent event) {
        return readLog().stream().skip(logMark).filter(l -> l.contains("event_id=\"" + event.eventId() + "\"")).findFirst()
                .orElse(null);
    }

    private boolean logContains(String text) {
        return readLog().stream().skip(logMark).anyMatch(l -> l.contains(text));
    }

    private static List<String> readLog() {
        try {
            return Files.readAllLines(LOG_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
