package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.Subscription;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /console/api/events}: the live events as Server-Sent Events, read through the journal with a
 * catch-up subscription. Each event is one {@code data:} line of {@link EventJson} with its id as the
 * {@code id:}; a browser that reconnects sends it back as {@code Last-Event-ID} and resumes right after it,
 * so a dropped connection or a reload loses nothing ({@code last_event_id} does the same as a parameter,
 * for a page that opens a new stream after the old one failed). Parameters: {@code types}, {@code plan} (see
 * {@link EventQuery}) and {@code from} (a journal position: {@code beginning}, an event id, an instant;
 * default: the next event). The stream ends when the journal closes (its bus stopped); the browser then
 * reconnects to the journal that replaces it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
@HttpWhiteboardServletPattern("/api/events")
@HttpWhiteboardServletAsyncSupported
public final class EventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Ping period: below the HTTP service's idle timeout (60 s by default). */
    static final long PING_SECONDS = 5;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile EventJournal journal;

    private final transient Supplier<EventJournal> journals;

    private final transient ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "web console pings");
        t.setDaemon(true);
        return t;
    });

    /** For SCR: the journal is the greedy reference. */
    public EventsServlet() {
        this.journals = () -> journal;
    }

    /** @param journals the journal now, or {@code null} when there is none */
    EventsServlet(Supplier<EventJournal> journals) {
        this.journals = journals;
    }

    @Deactivate
    void deactivate() {
        pings.shutdownNow();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventJournal j = journals.get();
        if (j == null) {
            JsonReply.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "no event journal: the live stream reads the reactive bus's journal");
            return;
        }
        EventQuery query;
        JournalPosition position;
        try {
            query = EventQuery.parse(name -> "from".equals(name) ? null : request.getParameter(name), Integer.MAX_VALUE);
            position = position(request, j);
        } catch (IllegalArgumentException e) {
            JsonReply.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        stream(request, response, j, query, position);
    }

    private static JournalPosition position(HttpServletRequest request, EventJournal journal) {
        String header = request.getHeader("Last-Event-ID");
        String last = header != null ? header : request.getParameter("last_event_id");
        if (last != null && !last.isBlank()) {
            return JournalPosition.afterEvent(last.trim());
        }
        String from = request.getParameter("from");
        if (from != null && !from.isBlank()) {
            return JournalPosition.parse(from);
        }
        return journal.lastEventId().map(JournalPosition::afterEvent).orElse(JournalPosition.beginning());
    }

    private void stream(HttpServletRequest request, HttpServletResponse response, EventJournal j, EventQuery query,
            JournalPosition position) throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        SseStream stream = new SseStream(response.getOutputStream());
        Predicate<DomainEvent> matches = query.matches();
        Subscription subscription;
        try {
            subscription = j.subscribeFrom(position, query.types(), e -> {
                if (matches.test(e)) {
                    stream.event(e.eventId(), EventJson.of(e));
                }
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            JsonReply.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            async.complete();
            return;
        }
        keepAlive(async, stream, subscription);
        stream.open();
    }

    /** Pings the stream while the subscription is active, and ends both together, once. */
    private void keepAlive(AsyncContext async, SseStream stream, Subscription subscription) {
        ScheduledFuture<?> ping = pings.scheduleWithFixedDelay(() -> {
            if (subscription.isActive()) {
                stream.ping();
            } else {
                stream.close();
            }
        }, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
        async.addListener(new Ended(stream));
        stream.onClose(() -> {
            ping.cancel(false);
            subscription.close();
            complete(async);
        });
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // the container has already completed it (the browser went away)
            return;
        }
    }

    /** Closes the stream when the container ends the request (client gone, error, shutdown). */
    private static final class Ended implements AsyncListener {

        private final SseStream stream;

        Ended(SseStream stream) {
            this.stream = stream;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            stream.close();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            stream.close();
        }

        @Override
        public void onError(AsyncEvent event) {
            stream.close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            stream.close();
        }
    }
}
