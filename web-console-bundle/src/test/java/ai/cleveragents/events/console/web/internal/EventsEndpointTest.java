package ai.cleveragents.events.console.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;

/** {@code /console/api/events}: Server-Sent Events through the journal, in a real Jetty. */
public class EventsEndpointTest {

    private final MemoryJournal journal = new MemoryJournal();
    private final AtomicReference<EventJournal> current = new AtomicReference<>(journal);
    private ConsoleServer server;

    @Before
    public void start() throws Exception {
        server = new ConsoleServer(Auth.of("", "", "")).serve(new EventsServlet(current::get), "/api/events").start();
    }

    @After
    public void stop() throws Exception {
        server.close();
    }

    private DomainEvent append(EventType type, String plan) {
        DomainEvent e = DomainEvent.builder(type).planId(plan).detail("n", 1).build();
        journal.append(e);
        return e;
    }

    @Test
    public void streamsMatchingEventsInJournalOrderAndResumesRightAfterTheLastEventId() throws Exception {
        DomainEvent a = append(EventType.PLAN_CREATED, "p-1");
        append(EventType.TOOL_INVOKED, "p-1");
        DomainEvent c = append(EventType.PLAN_STARTED, "p-2");
        DomainEvent d = append(EventType.PLAN_COMPLETED, "p-1");
        try (Http.Sse sse = new Http.Sse(server.uri("/api/events?from=beginning&types=plan.*&plan=p-1"))) {
            assertEquals("text/event-stream", sse.response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals("no-store", sse.response.headers().firstValue("Cache-Control").orElse(""));
            List<String[]> got = sse.events(2);
            assertEquals(a.eventId(), got.get(0)[0]);
            assertEquals(d.eventId(), got.get(1)[0]);
            assertTrue(got.get(0)[1], got.get(0)[1].contains("\"event_type\":\"plan.created\""));
            DomainEvent live = append(EventType.PLAN_FAILED, "p-1");
            assertEquals(live.eventId(), sse.events(1).get(0)[0]);
        }
        try (Http.Sse resumed = new Http.Sse(server.uri("/api/events?from=beginning"), "Last-Event-ID", c.eventId())) {
            assertEquals(d.eventId(), resumed.events(1).get(0)[0]);
        }
        try (Http.Sse reopened = new Http.Sse(server.uri("/api/events?from=beginning&last_event_id=" + c.eventId()))) {
            assertEquals(d.eventId(), reopened.events(1).get(0)[0]);
        }
    }

    @Test
    public void withoutAPositionTheStreamStartsWithTheNextEventAndSinceAnInstantWorks() throws Exception {
        append(EventType.PLAN_CREATED, "old");
        Instant between = Instant.now();
        try (Http.Sse sse = new Http.Sse(server.uri("/api/events"))) {
            assertEquals("retry: " + SseStream.RETRY_MS, sse.line());
            DomainEvent next = append(EventType.PLAN_CREATED, "new");
            assertEquals(next.eventId(), sse.events(1).get(0)[0]);
        }
        try (Http.Sse since = new Http.Sse(server.uri("/api/events?from=" + between))) {
            assertTrue(since.events(1).get(0)[1].contains("\"plan_id\":\"new\""));
        }
    }

    @Test
    public void eventsAreRedactedAndTheirControlCharactersEscaped() throws Exception {
        journal.append(DomainEvent.builder(EventType.TOOL_FAILED).detail("password", "hunter2")
                .detail("output", "<script>alert(1)</script>\u001b[31mred\u202e").build());
        try (Http.Sse sse = new Http.Sse(server.uri("/api/events?from=beginning"))) {
            String data = sse.events(1).get(0)[1];
            assertFalse(data, data.contains("hunter2"));
            assertTrue(data, data.contains("\"password\":\"***\""));
            assertFalse(data, data.contains("\u001b") || data.contains("\u202e"));
            assertTrue(data, data.contains("\\\\u001b[31mred\\\\u202e") || data.contains("\\\\u001B[31mred\\\\u202E"));
        }
    }

    @Test
    public void badRequestsGetOneLineErrorsAndNoJournalIsServiceUnavailable() {
        HttpResponse<String> type = Http.get(server.uri("/api/events?types=nope.*"));
        assertEquals(400, type.statusCode());
        assertTrue(type.body(), type.body().contains("unknown event domain 'nope'"));
        HttpResponse<String> unknown = Http.get(server.uri("/api/events"), "Last-Event-ID", DomainEvent.newUlid());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().startsWith("{\"error\":\"no event "));
        HttpResponse<String> badId = Http.get(server.uri("/api/events"), "Last-Event-ID", "x");
        assertEquals(400, badId.statusCode());
        current.set(null);
        HttpResponse<String> none = Http.get(server.uri("/api/events"));
        assertEquals(503, none.statusCode());
        assertTrue(none.body(), none.body().contains("no event journal"));
    }

    @Test
    public void theStreamEndsWhenTheJournalClosesSoTheBrowserReconnects() throws Exception {
        try (Http.Sse sse = new Http.Sse(server.uri("/api/events"))) {
            assertEquals("retry: " + SseStream.RETRY_MS, sse.line());
            journal.close();
            String line = sse.line();
            while (!line.equals("[end]") && !line.equals("[closed]")) {
                line = sse.line();
            }
        }
    }

    @Test
    public void aStreamClosedByItsOwnerRunsItsCloserOnceAndIgnoresLaterWrites() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SseStream stream = new SseStream(out);
        int[] closed = new int[1];
        stream.close();
        stream.onClose(() -> closed[0]++);
        stream.ping();
        stream.close();
        assertEquals(1, closed[0]);
        assertTrue(stream.isClosed());
        assertEquals(0, out.size());
    }
}
