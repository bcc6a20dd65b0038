package ai.cleveragents.events.console.web.internal;

import static ai.cleveragents.events.console.web.internal.JournalEndpointTest.assertError;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.dispatch.DispatchEngine;

/** Pages, settings, emit (CSRF) and the context's security check, in a real Jetty. */
public class SessionEndpointTest {

    private final DispatchEngine engine = new DispatchEngine("demo", (event, emitter) -> false);
    private final EventBus bus = engine.view(null);
    private final List<DomainEvent> received = new CopyOnWriteArrayList<>();
    private ConsoleServer server;

    @Before
    public void start() throws Exception {
        bus.subscribeAll(received::add);
        server = new ConsoleServer(Auth.of("", "", "")).serve(new PageServlet(), "/")
                .serve(new SessionServlet(500, true, () -> bus), "/api/settings", "/api/emit").start();
    }

    @After
    public void stop() throws Exception {
        server.close();
    }

    private String csrf() {
        Matcher m = Pattern.compile("\"csrf_token\":\"([0-9a-f]{48})\"").matcher(Http.get(server.uri("/api/settings")).body());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    public void pagesAreServedByNameWithTheSecurityHeaders() {
        HttpResponse<String> index = Http.get(server.uri("/"));
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<script src=\"events.js\" defer></script>"));
        assertEquals(HeadersFilter.CSP, index.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("nosniff", index.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", index.headers().firstValue("X-Frame-Options").orElse(""));
        for (String page : new String[] {"buses.html", "plans.html", "journal.html", "events.js", "console.css"}) {
            assertEquals(page, 200, Http.get(server.uri("/" + page)).statusCode());
        }
        assertTrue(Http.get(server.uri("/common.js")).headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertError(404, "no such page: nothing.html", Http.get(server.uri("/nothing.html")));
        assertEquals(404, Http.get(server.uri("/META-INF/MANIFEST.MF")).statusCode());
    }

    @Test
    public void settingsTellThePageItsBufferEmitAndCsrfToken() {
        String body = Http.get(server.uri("/api/settings")).body();
        assertTrue(body, body.matches("\\{\"page_buffer_size\":500,\"emit_enabled\":true,\"csrf_token\":\"[0-9a-f]{48}\"}"));
        assertEquals(405, Http.post(server.uri("/api/settings"), "{}").statusCode());
        assertEquals(405, Http.get(server.uri("/api/emit")).statusCode());
    }

    @Test
    public void emitNeedsTheCsrfTokenJsonAndTheSameOriginAndThenReachesTheBus() {
        String json = "{\"event_type\":\"tool.invoked\",\"plan_id\":\"p-9\",\"actor_name\":\"a\",\"details\":{\"tool\":\"ls\"}}";
        String origin = "http://127.0.0.1:" + server.port();
        assertError(403, "missing or wrong X-Console-Csrf", Http.post(server.uri("/api/emit"), json,
                "Content-Type", "application/json"));
        assertError(403, "missing or wrong X-Console-Csrf", Http.post(server.uri("/api/emit"), json,
                "Content-Type", "application/json", SessionServlet.CSRF_HEADER, "0".repeat(48)));
        assertError(403, "the body must be application/json", Http.post(server.uri("/api/emit"), json,
                "Content-Type", "text/plain", SessionServlet.CSRF_HEADER, csrf()));
        assertError(403, "cross-origin request refused", Http.post(server.uri("/api/emit"), json,
                "Content-Type", "application/json", SessionServlet.CSRF_HEADER, csrf(), "Origin", "http://evil.example"));
        assertEquals(0, received.size());
        HttpResponse<String> ok = Http.post(server.uri("/api/emit"), json, "Content-Type", "application/json",
                SessionServlet.CSRF_HEADER, csrf(), "Origin", origin);
        assertEquals(ok.body(), 200, ok.statusCode());
        assertEquals(1, received.size());
        DomainEvent e = received.get(0);
        assertEquals("{\"outcome\":\"emitted\",\"event_id\":\"" + e.eventId() + "\"}", ok.body());
        assertEquals("p-9", e.planId());
        assertEquals("ls", e.details().get("tool"));
    }

    @Test
    public void badEmitBodiesAreRefusedNamingTheField() {
        String[][] cases = {
            {"[1]", "the body is not a JSON object"},
            {"{\"plan_id\":\"p\"}", "event_type is missing"},
            {"{\"event_type\":\"nope\"}", "unknown event type 'nope'"},
            {"{\"event_type\":\"plan.created\",\"plan_id\":3}", "plan_id is not a string"},
            {"{\"event_type\":\"plan.created\",\"details\":[]}", "details is not a JSON object"},
            {"{\"event_type\":\"plan.created\",\"x\":1}", "unknown field \\\"x\\\": allowed actor_name"},
        };
        for (String[] c : cases) {
            assertError(400, c[1], Http.post(server.uri("/api/emit"), c[0], "Content-Type", "application/json",
                    SessionServlet.CSRF_HEADER, csrf()));
        }
        String big = "{\"event_type\":\"plan.created\",\"details\":{\"x\":\"" + "a".repeat(1 << 20) + "\"}}";
        assertEquals(413, Http.post(server.uri("/api/emit"), big, "Content-Type", "application/json",
                SessionServlet.CSRF_HEADER, csrf()).statusCode());
        assertEquals(0, received.size());
        String withCorrelation = "{\"event_type\":\"plan.created\",\"correlation_id\":\"" + DomainEvent.newUlid() + "\"}";
        assertEquals(200, Http.post(server.uri("/api/emit"), withCorrelation, "Content-Type", "application/json",
                SessionServlet.CSRF_HEADER, csrf()).statusCode());
    }

    @Test
    public void emitIsRefusedWhenNotEnabled() throws Exception {
        try (ConsoleServer readOnly = new ConsoleServer(Auth.of("", "", ""))
                .serve(new SessionServlet(TestConfigs.config(java.util.Map.of())), "/api/settings", "/api/emit").start()) {
            String settings = Http.get(readOnly.uri("/api/settings")).body();
            assertTrue(settings, settings.startsWith("{\"page_buffer_size\":1000,\"emit_enabled\":false,"));
            assertError(403, "emitting is disabled: set emit.enabled=true in ai.cleveragents.events.console.web",
                    Http.post(readOnly.uri("/api/emit"), "{}", "Content-Type", "application/json"));
        }
    }

    @Test
    public void withAuthOnlyTheTokenOrTheUserGetIn() throws Exception {
        try (ConsoleServer guarded = new ConsoleServer(Auth.of("t0ken", "ops", "pa55"))
                .serve(new SessionServlet(10, false, () -> bus), "/api/settings").start()) {
            HttpResponse<String> none = Http.get(guarded.uri("/api/settings"));
            assertError(401, "authentication required", none);
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));
            assertEquals(401, Http.get(guarded.uri("/api/settings"), "Authorization", "Bearer wrong").statusCode());
            assertEquals(200, Http.get(guarded.uri("/api/settings"), "Authorization", "Bearer t0ken").statusCode());
            assertEquals(200, Http.get(guarded.uri("/api/settings"), "Authorization", basic("any", "t0ken")).statusCode());
            assertEquals(200, Http.get(guarded.uri("/api/settings"), "Authorization", basic("ops", "pa55")).statusCode());
            assertEquals(401, Http.get(guarded.uri("/api/settings"), "Authorization", basic("root", "pa55")).statusCode());
        }
    }

    @Test
    public void withoutAuthARequestForAnotherHostIsRefused() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /console/api/settings HTTP/1.1\r\nHost: rebound.example:80\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer, answer.startsWith("HTTP/1.1 403"));
            assertTrue(answer, answer.contains("the console answers only requests for a loopback host"));
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
