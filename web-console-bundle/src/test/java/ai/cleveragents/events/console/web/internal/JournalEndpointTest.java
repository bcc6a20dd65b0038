package ai.cleveragents.events.console.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;

/** {@code /console/api/journal}: search, verify and download, in a real Jetty. */
public class JournalEndpointTest {

    private static final Instant T = Instant.parse("2026-11-25T11:00:00Z");

    private final MemoryJournal journal = new MemoryJournal();
    private final AtomicReference<EventJournal> current = new AtomicReference<>(journal);
    private ConsoleServer server;
    private DomainEvent first;

    @Before
    public void start() throws Exception {
        for (int i = 0; i < 5; i++) {
            DomainEvent e = DomainEvent.builder(i % 2 == 0 ? EventType.PLAN_CREATED : EventType.TOOL_INVOKED)
                    .planId("p-" + (i % 2)).timestamp(T.plusSeconds(i)).detail("i", i).detail("api_key", "sk-secret").build();
            first = first == null ? e : first;
            journal.append(e);
        }
        server = new ConsoleServer(Auth.of("", "", "")).serve(new JournalServlet(3, current::get),
                "/api/journal", "/api/journal/*").start();
    }

    @After
    public void stop() throws Exception {
        server.close();
    }

    @Test
    public void searchFiltersByTypePlanTimeAndIdAndSaysWhenItTruncated() {
        String all = Http.get(server.uri("/api/journal")).body();
        assertTrue(all, all.startsWith("{\"events\":[{\"event_id\":\"" + first.eventId() + "\""));
        assertTrue(all, all.endsWith("],\"truncated\":true}"));
        assertFalse(all, all.contains("sk-secret"));
        String plans = Http.get(server.uri("/api/journal?types=plan.created&plan=p-0&from=" + T.plusSeconds(1)
                + "&to=" + T.plusSeconds(4))).body();
        assertEquals(1, plans.split("\"event_id\"").length - 1);
        assertTrue(plans, plans.contains("\"i\":2") && plans.endsWith("\"truncated\":false}"));
        String byId = Http.get(server.uri("/api/journal?id=" + first.eventId())).body();
        assertEquals(1, byId.split("\"event_id\"").length - 1);
        String missing = Http.get(server.uri("/api/journal?id=" + DomainEvent.newUlid())).body();
        assertEquals("{\"events\":[],\"truncated\":false}", missing);
    }

    @Test
    public void verifyReportsTheJournalsCheck() {
        HttpResponse<String> r = Http.get(server.uri("/api/journal/verify"));
        assertEquals(200, r.statusCode());
        assertEquals("application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        assertTrue(r.body(), r.body().startsWith("{\"clean\":false,\"summary\":\"journal has 1 problem: 5 records"));
        assertTrue(r.body(), r.body().contains("\"problems\":[{\"kind\":\"TORN_TAIL\",\"segment\":\"segment-1\",\"offset\":7,"
                + "\"detail\":\"a <b>torn</b> line\"}]"));
    }

    @Test
    public void downloadStreamsJsonLinesAsAnAttachmentWithoutTheSearchLimit() {
        HttpResponse<String> r = Http.get(server.uri("/api/journal/download?types=*"));
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename=\"journal.jsonl\"", r.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        String[] lines = r.body().split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[4], lines[4].startsWith("{\"event_id\":") && lines[4].contains("\"api_key\":\"***\""));
    }

    @Test
    public void badParametersUnknownPathsAndNoJournalAreClearErrors() {
        assertError(400, "limit is invalid: allowed 1..3", Http.get(server.uri("/api/journal?limit=4")));
        assertError(400, "limit is invalid: allowed 1..3", Http.get(server.uri("/api/journal?limit=x")));
        assertError(400, "from is not an instant", Http.get(server.uri("/api/journal?from=yesterday")));
        assertError(400, "id is not an event id", Http.get(server.uri("/api/journal?id=12")));
        assertError(404, "no such journal endpoint", Http.get(server.uri("/api/journal/delete")));
        assertEquals(405, Http.post(server.uri("/api/journal/verify"), "").statusCode());
        current.set(null);
        assertError(503, "no event journal", Http.get(server.uri("/api/journal")));
    }

    static void assertError(int status, String start, HttpResponse<String> r) {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.body(), r.body().startsWith("{\"error\":\"" + start));
    }
}
