package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.core.JsonGenerator;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalReport;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The journal endpoints, all read-only: {@code GET /console/api/journal} searches ({@link EventQuery}
 * parameters; oldest first, at most {@code limit} events and {@code "truncated"} when more matched),
 * {@code /console/api/journal/verify} checks the whole journal, {@code /console/api/journal/download}
 * streams the matching events as JSON Lines. Events are redacted and escaped as everywhere in the console.
 */
@Component(service = Servlet.class, configurationPid = WebConsole.PID)
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
@HttpWhiteboardServletPattern({"/api/journal", "/api/journal/*"})
public final class JournalServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final int searchLimit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile EventJournal journal;

    private final transient Supplier<EventJournal> journals;

    /** @param config the console's configuration */
    @Activate
    public JournalServlet(WebConsole.Config config) {
        this.searchLimit = Math.max(1, config.search_limit_max());
        this.journals = () -> journal;
    }

    /**
     * @param searchLimit the most events one search returns
     * @param journals    the journal now, or {@code null} when there is none
     */
    JournalServlet(int searchLimit, Supplier<EventJournal> journals) {
        this.searchLimit = searchLimit;
        this.journals = journals;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventJournal j = journals.get();
        if (j == null) {
            JsonReply.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "no event journal (the reactive bus writes it)");
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        try {
            switch (path) {
                case "/" -> search(j, EventQuery.parse(request::getParameter, searchLimit), response);
                case "/verify" -> verify(j.verify(), response);
                case "/download" -> download(j, EventQuery.parse(request::getParameter, Integer.MAX_VALUE), response);
                default -> JsonReply.error(response, HttpServletResponse.SC_NOT_FOUND,
                        "no such journal endpoint: allowed /api/journal, /api/journal/verify, /api/journal/download");
            }
        } catch (IllegalArgumentException e) {
            JsonReply.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    /** The matching events, oldest first; an id that is not in the journal matches nothing. */
    static Stream<DomainEvent> find(EventJournal journal, EventQuery query) {
        Stream<DomainEvent> events;
        if (query.id() != null) {
            try {
                events = journal.replayFrom(query.id(), query.types()).limit(1);
            } catch (IllegalArgumentException e) {
                return Stream.empty();
            }
        } else {
            events = journal.replaySince(query.from() == null ? Instant.EPOCH : query.from(), query.types());
        }
        return events.filter(query.matches());
    }

    private static void search(EventJournal journal, EventQuery query, HttpServletResponse response) throws IOException {
        List<DomainEvent> found;
        try (Stream<DomainEvent> events = find(journal, query)) {
            found = events.limit(query.limit() + 1L).toList();
        }
        boolean truncated = found.size() > query.limit();
        List<DomainEvent> shown = truncated ? found.subList(0, query.limit()) : found;
        JsonReply.ok(response, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("events");
            for (DomainEvent e : shown) {
                json.writeRawValue(EventJson.of(e));
            }
            json.writeEndArray();
            json.writeBooleanField("truncated", truncated);
            json.writeEndObject();
        });
    }

    private static void verify(JournalReport report, HttpServletResponse response) throws IOException {
        JsonReply.ok(response, json -> {
            json.writeStartObject();
            json.writeBooleanField("clean", report.isClean());
            json.writeStringField("summary", report.summary());
            json.writeNumberField("segments", report.segments());
            json.writeNumberField("records", report.records());
            json.writeNumberField("first_seq", report.firstSeq());
            json.writeNumberField("last_seq", report.lastSeq());
            json.writeStringField("head_hash", report.headHash());
            problems(json, report.problems());
            json.writeEndObject();
        });
    }

    private static void problems(JsonGenerator json, List<JournalProblem> problems) throws IOException {
        json.writeArrayFieldStart("problems");
        for (JournalProblem p : problems) {
            json.writeStartObject();
            json.writeStringField("kind", p.kind().name());
            json.writeStringField("segment", p.segment());
            json.writeNumberField("offset", p.offset());
            json.writeStringField("detail", p.detail());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void download(EventJournal journal, EventQuery query, HttpServletResponse response) throws IOException {
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"journal.jsonl\"");
        OutputStream out = response.getOutputStream();
        try (Stream<DomainEvent> events = find(journal, query)) {
            Iterator<DomainEvent> it = events.limit(query.limit()).iterator();
            while (it.hasNext()) {
                out.write((EventJson.of(it.next()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
