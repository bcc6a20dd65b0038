package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;

/**
 * Issue 21: the web console bundle in Felix with the real Felix HTTP Jetty, SCR and Config Admin, on the
 * real reactive bus and its journal: the whiteboard wiring, the JSON shapes, SSE resume by
 * {@code Last-Event-ID} through the journal, and the auth refusals.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebConsoleTest extends OsgiTestSupport {

    private static final String PID = "ai.cleveragents.events.console.web";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    private ConfigurationAdmin admin;

    @Inject
    private EventBus bus;

    @Configuration
    public Option[] config() {
        return options(frameworkServices(), logging(), apiBundle(), reactiveBus(), servicesBundle(),
                systemProperty("org.apache.felix.http.require.config").value("true"),
                bundleFile("org.apache.felix.http.servlet-api"), bundleFile("org.apache.felix.http.jetty"),
                bundleFile("ai.cleveragents.events.console.web"));
    }

    private int configure(String... keyValues) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", port);
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        admin.getConfiguration(PID, "?").update(props);
        return port;
    }

    private static HttpResponse<String> get(int port, String path, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console" + path))
                    .timeout(Duration.ofSeconds(5));
            if (headers.length > 0) {
                b.headers(headers);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    private static HttpResponse<String> awaitStatus(int port, String path, int status, String... headers) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            last.set(get(port, path, headers));
            if (last.get() != null && last.get().statusCode() == status) {
                return last.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no " + status + " from " + path + " within 30 s (Jetty starts after the"
                        + " configuration); last: " + (last.get() == null ? "no answer" : last.get().statusCode()));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    public void theEndpointsAnswerThroughTheWhiteboardWithTheBoundBusAndTheSecurityHeaders() throws Exception {
        int port = configure();
        String buses = awaitStatus(port, "/api/buses", 200).body();
        assertTrue(buses, buses.contains("\"name\":\"reactive\",\"ranking\":100,\"bundle\":\"ai.cleveragents.events.bus.reactive\",\"bound\":true"));
        HttpResponse<String> page = awaitStatus(port, "/", 200);
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'; script-src 'self';"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        String settings = awaitStatus(port, "/api/settings", 200).body();
        assertTrue(settings, settings.startsWith("{\"page_buffer_size\":1000,\"emit_enabled\":false,\"csrf_token\":\""));
        String plans = awaitStatus(port, "/api/plans", 200).body();
        assertEquals("{\"plans\":[]}", plans);
        assertTrue(awaitStatus(port, "/api/journal/verify", 200).body().startsWith("{\"clean\":true,"));
    }

    @Test
    public void theLiveStreamResumesRightAfterTheLastEventIdThroughTheJournal() throws Exception {
        int port = configure();
        awaitStatus(port, "/api/settings", 200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DomainEvent e = DomainEvent.builder(EventType.TOOL_INVOKED).detail("i", i).build();
            bus.emit(e);
            ids.add(e.eventId());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/api/events?types=tool.*"))
                .header("Last-Event-ID", ids.get(0)).build();
        HttpResponse<java.io.InputStream> sse = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, sse.statusCode());
        List<String> got = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); got.size() < 2 && line != null; line = lines.readLine()) {
                if (line.startsWith("id: ")) {
                    got.add(line.substring(4));
                }
            }
        }
        assertEquals(ids.subList(1, 3), got);
    }

    @Test
    public void withATokenOnlyItsHoldersGetInAndANonLoopbackAddressWithoutAuthServesNothing() throws Exception {
        int port = configure("auth.token", "t0ken");
        HttpResponse<String> refused = awaitStatus(port, "/api/buses", 401);
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        awaitStatus(port, "/api/buses", 200, "Authorization", "Bearer t0ken");
        configure("bind.address", "0.0.0.0");
        waitFor(() -> contexts() == 0);
    }

    private int contexts() {
        try {
            return context.getServiceReferences("org.osgi.service.servlet.context.ServletContextHelper",
                    "(osgi.http.whiteboard.context.name=ai.cleveragents.events.console.web)") == null ? 0 : 1;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
