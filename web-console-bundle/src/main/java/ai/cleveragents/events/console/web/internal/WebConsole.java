package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the console: checks the configuration, points the HTTP service (PID {@value #HTTP_PID}) at the
 * configured address and port, and registers the console's servlet context, which the pages, the
 * endpoints and the security filter select. A configuration that is refused (for example a
 * non-loopback bind address without auth) is logged as one error line naming the property, and nothing
 * is served or bound.
 */
@Component(service = {}, immediate = true, configurationPid = WebConsole.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WebConsole.Config.class)
public final class WebConsole {

    /** The configuration PID. */
    public static final String PID = "ai.cleveragents.events.console.web";
    /** The service property of the console's context holding its URL, which the runtime's launcher prints. */
    static final String URL_PROPERTY = "ai.cleveragents.events.console.url";
    /** The Felix HTTP service's PID. */
    static final String HTTP_PID = "org.apache.felix.http";

    private static final Logger LOG = LoggerFactory.getLogger(PID);

    /** The console's configuration. */
    @ObjectClassDefinition(id = PID, name = "CleverAgents web console",
            description = "A live web console: events, buses, plans and decisions, the journal.")
    public @interface Config {

        @AttributeDefinition(name = "Port", min = "1", max = "65535", description = "TCP port of the HTTP service")
        int port() default 8181;

        @AttributeDefinition(name = "Bind address", description = "Address the HTTP service listens on;"
                + " anything but loopback needs auth.token or auth.user and auth.password")
        String bind_address() default "127.0.0.1";

        @AttributeDefinition(name = "Auth token", type = AttributeType.PASSWORD, required = false,
                description = "Bearer token (or basic-auth password with any user name); empty for none")
        String auth_token() default "";

        @AttributeDefinition(name = "Auth user", required = false, description = "Basic-auth user name; empty for none")
        String auth_user() default "";

        @AttributeDefinition(name = "Auth password", type = AttributeType.PASSWORD, required = false,
                description = "Basic-auth password; empty for none")
        String auth_password() default "";

        @AttributeDefinition(name = "Page buffer size", min = "1", description = "How many events the live page keeps")
        int page_buffer_size() default 1000;

        @AttributeDefinition(name = "Search limit", min = "1", description = "The most events one journal search returns")
        int search_limit_max() default 10000;

        @AttributeDefinition(name = "Emit enabled", description = "Whether the page may emit events (POST with the"
                + " page's CSRF token); off by default: the console is read-only")
        boolean emit_enabled() default false;

        @AttributeDefinition(name = "Configure HTTP", description = "Whether the console writes the bind address"
                + " and port into the HTTP service's configuration (org.apache.felix.http); false where something"
                + " else owns it, such as Karaf")
        boolean configure_http() default true;
    }

    private final ServiceRegistration<ServletContextHelper> context;

    /**
     * @param bundle this bundle's context
     * @param admin  Config Admin, to configure the HTTP service
     * @param config the configuration
     */
    @Activate
    public WebConsole(BundleContext bundle, @Reference ConfigurationAdmin admin, Config config) {
        ConsoleSettings settings;
        try {
            settings = ConsoleSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("web console not started: {} (PID {})", e.getMessage(), PID);
            this.context = null;
            return;
        }
        if (settings.configureHttp()) {
            configureHttp(admin, settings);
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, ConsoleContext.NAME);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, ConsoleContext.PATH);
        properties.put(URL_PROPERTY, settings.url());
        this.context = bundle.registerService(ServletContextHelper.class, new ConsoleContext(settings.auth()), properties);
        LOG.debug("web console at {} (auth: {}, emit {})", settings.url(), settings.auth(),
                settings.emitEnabled() ? "enabled" : "disabled");
    }

    private static void configureHttp(ConfigurationAdmin admin, ConsoleSettings settings) {
        Map<String, Object> wanted = Map.of(
                "org.apache.felix.http.host", settings.bindAddress(),
                "org.osgi.service.http.port", settings.port(),
                "org.apache.felix.http.enable", Boolean.TRUE,
                "org.apache.felix.http.jetty.sendServerHeader", Boolean.FALSE);
        try {
            Configuration http = admin.getConfiguration(HTTP_PID, "?");
            Dictionary<String, Object> current = http.getProperties();
            if (current == null || !wanted.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(current.get(e.getKey())))) {
                http.update(new Hashtable<>(wanted));
            }
        } catch (IOException e) {
            LOG.error("web console: cannot configure the HTTP service ({}): {}", HTTP_PID, e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        if (context != null) {
            context.unregister();
        }
    }
}
