package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's servlets and filter in a real Jetty 11 (the one Felix HTTP embeds) on a free loopback
 * port, under {@code /console}, with the console context's security check in front, as the whiteboard
 * wires them.
 */
final class ConsoleServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServletContextHandler handler = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    private final ServerConnector connector = new ServerConnector(server);

    ConsoleServer(Auth auth) {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        handler.setContextPath(ConsoleContext.PATH);
        ConsoleContext context = new ConsoleContext(auth);
        handler.addFilter(new FilterHolder(new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                if (context.handleSecurity((HttpServletRequest) request, (HttpServletResponse) response)) {
                    chain.doFilter(request, response);
                }
            }
        }), "/*", EnumSet.of(DispatcherType.REQUEST));
        FilterHolder headers = new FilterHolder(new HeadersFilter());
        headers.setAsyncSupported(true);
        handler.addFilter(headers, "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(handler);
    }

    /** Adds a servlet at the given patterns. */
    ConsoleServer serve(HttpServlet servlet, String... patterns) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        for (String pattern : patterns) {
            handler.addServlet(holder, pattern);
        }
        return this;
    }

    ConsoleServer start() throws Exception {
        server.start();
        return this;
    }

    /** @return the URI of a path under the console */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + ConsoleContext.PATH + path);
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
