package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.util.Set;

import org.osgi.service.servlet.context.ServletContextHelper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's servlet context ({@value #PATH}): registered only while the configuration is valid, so
 * nothing of the console is served otherwise. Every request passes its security check: the configured
 * auth, and without auth a {@code Host} header naming the loopback interface (a page of another site
 * cannot read the console through DNS rebinding).
 */
final class ConsoleContext extends ServletContextHelper {

    /** The context name the console's servlets and filter select. */
    static final String NAME = "ai.cleveragents.events.console.web";
    /** The context path. */
    static final String PATH = "/console";
    /** The filter every servlet of the console selects its context with. */
    static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private final Auth auth;

    ConsoleContext(Auth auth) {
        this.auth = auth;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (auth.isNone()) {
            if (!LOOPBACK_HOSTS.contains(hostName(request.getHeader("Host")))) {
                JsonReply.error(response, HttpServletResponse.SC_FORBIDDEN,
                        "the console answers only requests for a loopback host (127.0.0.1, localhost, [::1])");
                return false;
            }
            return true;
        }
        if (auth.allows(request.getHeader("Authorization"))) {
            return true;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"cleveragents-events\", charset=\"UTF-8\"");
        JsonReply.error(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication required");
        return false;
    }

    /** @return the host part of a Host header, without the port; empty for none */
    static String hostName(String host) {
        if (host == null) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > host.lastIndexOf(']');
        return (hasPort ? host.substring(0, colon) : host).toLowerCase(java.util.Locale.ROOT);
    }
}
