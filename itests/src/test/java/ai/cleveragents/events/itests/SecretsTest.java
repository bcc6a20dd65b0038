package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Issue 16 in Felix with the real SCR, Config Admin and Event Admin: one redaction policy
 * ({@value #POLICY_PID}) reaches every consumer (the logging bus and the Event Admin bridge here; the shell
 * in {@code ShellRedactionTest} and the distribution's {@code SecretsIT}), whatever location its
 * configuration has; the secret corpus emitted through the Java API and through Event Admin leaves no
 * secret in the log or in what a plain Event Admin handler sees; the injection corpus leaves no raw
 * control character in the log, the bridge's drop log included.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecretsTest extends BridgeTestSupport {

    static final String POLICY_PID = "ai.cleveragents.events.redaction";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtand0In0.c2VjcmV0LXNpZy1qd3Q";
    static final String PEM = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIS9-pem-material\n-----END EC PRIVATE KEY-----";
    static final List<String> SECRETS = List.of("S1-hunter2", "S2-apikey", "S3-otp", "S4-json", "S5-urlpass",
            "S6bearertoken", "S7-pässword", "S8-connection", "S9-pem-material", JWT);
    static final List<String> INJECTIONS = List.of("a\nFORGED-LINE", "\u001b[31mred", "\u001b]0;t\u0007", "\u009b2J",
            "\u202eevil", "x\u2028y");
    private static final Path LOG_FILE = Path.of("target/itests.log");

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private EventAdmin eventAdmin;

    @Inject
    private EventBus bus;

    private int logMark;

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), loggingBus(), bundleFile(BRIDGE_BSN)};
    }

    @Before
    public void markTheLog() {
        logMark = readLog().size();
    }

    static DomainEvent corpus(EventType type) {
        return DomainEvent.builder(type).sessionId(JWT).actorName("Bearer S6bearertoken").projectName("visible-project")
                .detail("password", "S1-hunter2")
                .detail("nested", Map.of("deeper", Map.of("api_key", "S2-apikey")))
                .detail("steps", List.of(Map.of("otp", "S3-otp"), "visible-step"))
                .detail("body", "{\"client_secret\":\"S4-json\",\"count\":3}")
                .detail("url", "https://bob:S5-urlpass@host/x")
                .detail("pässword", "S7-pässword")
                .detail("connection_string", "S8-connection")
                .detail("pem", PEM)
                .detail("prompt_tokens", 42)
                .build();
    }

    @Test
    public void theJavaApiAndEventAdminLeaveNoSecretInTheLogOrInWhatAPlainHandlerSees() {
        BlockingQueue<Event> plainHandler = eventAdminSubscriber("cleveragents/tool/invoked");
        DomainEvent viaApi = corpus(EventType.TOOL_INVOKED);
        bus.emit(viaApi);
        String seen = everyProperty(takeFor(plainHandler, viaApi.eventId()));
        waitFor(() -> logLine(viaApi.eventId()) != null);

        DomainEvent viaEventAdmin = corpus(EventType.TOOL_COMPLETED);
        eventAdmin.sendEvent(new Event(topicOf(viaEventAdmin), documentedProperties(viaEventAdmin)));
        waitFor(() -> logLine(viaEventAdmin.eventId()) != null);

        String logs = String.join("\n", readLog().subList(logMark, readLog().size()));
        for (String secret : SECRETS) {
            assertFalse(secret + " in " + seen, seen.contains(secret));
            assertFalse(secret + " in the log", logs.contains(secret));
        }
        for (String visible : List.of("visible-step", "visible-project", "prompt_tokens", "bob")) {
            assertTrue(visible, seen.contains(visible) && logs.contains(visible));
        }
    }

    private static String everyProperty(Event event) {
        StringBuilder all = new StringBuilder();
        for (String name : event.getPropertyNames()) {
            all.append(name).append('=').append(event.getProperty(name)).append('\n');
        }
        return all.toString();
    }

    @Test
    public void noAttackerTextReachesALogLineRawTheBridgeDropLogIncluded() {
        for (String attack : INJECTIONS) {
            DomainEvent event = DomainEvent.builder(EventType.TOOL_FAILED).actorName(attack).detail(attack, attack).build();
            bus.emit(event);
            waitFor(() -> logLine(event.eventId()) != null);
        }
        eventAdmin.sendEvent(new Event("cleveragents/tool/failed", Map.of("event_type", "tool.failed\nFORGED-DROP",
                "event_id", DomainEvent.newUlid(), "correlation_id", DomainEvent.newUlid(), "timestamp", 1L)));
        waitFor(() -> logContains("tool.failed\\nFORGED-DROP"));

        for (String line : readLog().subList(logMark, readLog().size())) {
            assertFalse(line, line.startsWith("FORGED"));
            assertFalse(line, line.chars().anyMatch(c -> c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f
                    || c >= 0x2028 && c <= 0x202e));
        }
    }

    @Test
    public void onePolicyReachesTheLoggingBusAndTheBridgeLiveWhateverTheConfigurationLocation() throws IOException {
        BlockingQueue<Event> plainHandler = eventAdminSubscriber("cleveragents/session/*");
        AtomicInteger attempt = new AtomicInteger();
        for (String location : new String[] {null, "?"}) {
            org.osgi.service.cm.Configuration policy = configAdmin.getConfiguration(POLICY_PID, location);
            policy.update(props("key.pattern", "^ssn$"));
            waitFor(() -> {
                String ssn = "ssn-" + attempt.incrementAndGet();
                DomainEvent event = DomainEvent.builder(EventType.SESSION_STARTED).detail("ssn", ssn).build();
                bus.emit(event);
                Event seen = takeFor(plainHandler, event.eventId());
                String line = logLine(event.eventId());
                return line != null && line.contains("details.ssn=\"***\"")
                        && "***".equals(((Map<?, ?>) seen.getProperty("details")).get("ssn"));
            });
            DomainEvent password = DomainEvent.builder(EventType.SESSION_ENDED).detail("password", "not-a-key-now").build();
            bus.emit(password);
            waitFor(() -> logLine(password.eventId()) != null);
            assertTrue(logLine(password.eventId()).contains("details.password=\"not-a-key-now\""));
            policy.delete();
            waitFor(() -> {
                DomainEvent back = DomainEvent.builder(EventType.SESSION_ENDED).detail("password", "p").build();
                bus.emit(back);
                takeFor(plainHandler, back.eventId());
                return logLine(back.eventId()) != null && logLine(back.eventId()).contains("details.password=\"***\"");
            });
        }
    }

    @Test
    public void anInvalidPolicyKeepsThePreviousOneAndNamesTheProperty() throws IOException {
        org.osgi.service.cm.Configuration policy = configAdmin.getConfiguration(POLICY_PID, "?");
        try {
            policy.update(props("key.pattern", "pass(word"));
            waitFor(() -> logContains("redaction policy ai.cleveragents.events.redaction for "
                    + "ai.cleveragents.events.bus.logging: key.pattern: invalid regular expression 'pass(word': "
                    + "Unclosed group at index 9; keeping the previous policy"));
            waitFor(() -> logContains("for ai.cleveragents.events.bridge.eventadmin: key.pattern: invalid"));
            DomainEvent event = DomainEvent.builder(EventType.PLAN_CREATED).detail("password", "p").build();
            bus.emit(event);
            waitFor(() -> logLine(event.eventId()) != null);
            assertTrue(logLine(event.eventId()).contains("details.password=\"***\""));
            assertEquals(1, readLog().subList(logMark, readLog().size()).stream()
                    .filter(l -> l.contains("for ai.cleveragents.events.bus.logging: key.pattern")).count());
        } finally {
            policy.delete();
        }
    }

    /** The next event Event Admin delivered for {@code eventId}, skipping earlier ones. */
    private static Event takeFor(BlockingQueue<Event> queue, String eventId) {
        try {
            Event e = next(queue);
            while (!eventId.equals(e.getProperty("event_id"))) {
                e = next(queue);
            }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Dictionary<String, Object> props(String key, Object value) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(key, value);
        return props;
    }

    private String logLine(String eventId) {
        return readLog().stream().skip(logMark).filter(l -> l.contains("event_id=\"" + eventId + "\"")).findFirst()
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
