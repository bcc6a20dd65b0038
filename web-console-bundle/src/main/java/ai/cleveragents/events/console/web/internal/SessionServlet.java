package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventLimits;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.SwapSafeEmitter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /console/api/settings}: what the pages need ({@code page_buffer_size}, {@code emit_enabled},
 * and the page's {@code csrf_token}). {@code POST /console/api/emit}: emits one event ({@link EmitBody}) on
 * the bound bus, only when {@code emit.enabled} is true, and only for a request that carries the CSRF
 * token in the {@value #CSRF_HEADER} header, has the JSON content type and, when it names an
 * {@code Origin}, comes from the console's own origin. GET never changes anything.
 */
@Component(service = Servlet.class, configurationPid = WebConsole.PID)
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
@HttpWhiteboardServletPattern({"/api/settings", "/api/emit"})
public final class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The header the page sends its CSRF token in. */
    static final String CSRF_HEADER = "X-Console-Csrf";

    private final int pageBufferSize;
    private final boolean emitEnabled;
    private final String csrfToken;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile EventBus bus;

    private final transient SwapSafeEmitter emitter;

    /** @param config the console's configuration */
    @Activate
    public SessionServlet(WebConsole.Config config) {
        this(config.page_buffer_size(), config.emit_enabled(), null);
    }

    /**
     * @param pageBufferSize how many events the live page keeps
     * @param emitEnabled    whether emitting is allowed
     * @param buses          the bus now, or {@code null} for the greedy reference
     */
    SessionServlet(int pageBufferSize, boolean emitEnabled, Supplier<EventBus> buses) {
        this.emitter = new SwapSafeEmitter(buses == null ? () -> bus : buses);
        this.pageBufferSize = Math.max(1, pageBufferSize);
        this.emitEnabled = emitEnabled;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.csrfToken = HexFormat.of().formatHex(random);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/api/settings".equals(request.getServletPath())) {
            response.setHeader("Allow", "POST");
            JsonReply.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "emit takes POST only");
            return;
        }
        JsonReply.ok(response, json -> {
            json.writeStartObject();
            json.writeNumberField("page_buffer_size", pageBufferSize);
            json.writeBooleanField("emit_enabled", emitEnabled);
            json.writeStringField("csrf_token", csrfToken);
            json.writeEndObject();
        });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/api/emit".equals(request.getServletPath())) {
            response.setHeader("Allow", "GET");
            JsonReply.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "settings take GET only");
            return;
        }
        String refused = refusal(request);
        if (refused != null) {
            JsonReply.error(response, HttpServletResponse.SC_FORBIDDEN, refused);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(EventLimits.MAX_EVENT_BYTES + 1);
        if (body.length > EventLimits.MAX_EVENT_BYTES) {
            JsonReply.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "the body is over " + EventLimits.MAX_EVENT_BYTES + " bytes");
            return;
        }
        try {
            DomainEvent event = EmitBody.parse(new String(body, StandardCharsets.UTF_8));
            SwapSafeEmitter.Outcome outcome = emitter.emit(event);
            JsonReply.ok(response, json -> {
                json.writeStartObject();
                json.writeStringField("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
                json.writeStringField("event_id", event.eventId());
                json.writeEndObject();
            });
        } catch (IllegalArgumentException | EventRejectedException e) {
            JsonReply.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    /** @return why the request may not emit, or {@code null} if it may */
    private String refusal(HttpServletRequest request) {
        if (!emitEnabled) {
            return "emitting is disabled: set emit.enabled=true in " + WebConsole.PID;
        }
        String token = request.getHeader(CSRF_HEADER);
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                csrfToken.getBytes(StandardCharsets.UTF_8))) {
            return "missing or wrong " + CSRF_HEADER + " header (the page reads it from /console/api/settings)";
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return "the body must be application/json";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request.getHeader("Host"))) {
            return "cross-origin request refused";
        }
        return null;
    }

    static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
