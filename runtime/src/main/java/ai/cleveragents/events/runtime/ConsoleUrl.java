package ai.cleveragents.events.runtime;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Prints the web console's URL, once per registration of its servlet context (which carries the URL as
 * the service property {@value #PROPERTY}): at start, and again whenever its configuration changes.
 */
final class ConsoleUrl implements ServiceListener {

    /** The property of the console's servlet context service naming its URL. */
    static final String PROPERTY = "ai.cleveragents.events.console.url";
    private static final String FILTER = "(" + PROPERTY + "=*)";

    private final PrintStream err;
    /** Guarded by itself. */
    private final Set<Long> printed = new HashSet<>();

    private ConsoleUrl(PrintStream err) {
        this.err = err;
    }

    /**
     * Prints the URL of the console if it is registered already, and of every later registration.
     *
     * @param context the framework's context
     * @param err     where the launcher reports
     */
    static void watch(BundleContext context, PrintStream err) {
        ConsoleUrl watch = new ConsoleUrl(err);
        try {
            context.addServiceListener(watch, FILTER);
            ServiceReference<?>[] present = context.getServiceReferences((String) null, FILTER);
            if (present != null) {
                for (ServiceReference<?> ref : present) {
                    watch.print(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter " + FILTER, e);
        }
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.REGISTERED) {
            print(event.getServiceReference());
        }
    }

    private void print(ServiceReference<?> ref) {
        synchronized (printed) {
            if (!printed.add((Long) ref.getProperty(Constants.SERVICE_ID))) {
                return;
            }
        }
        err.println("cleveragents-events: web console at " + ref.getProperty(PROPERTY));
    }
}
