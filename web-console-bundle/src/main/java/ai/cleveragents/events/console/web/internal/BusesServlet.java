package ai.cleveragents.events.console.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.MetricsSource;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /console/api/buses}: every EventBus service with its ranking, whether consumers are bound to
 * it (this servlet binds greedily, like every consumer) and its metrics, plus every other metrics source.
 * The buses page polls it and draws events/s from the differences.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
@HttpWhiteboardServletPattern("/api/buses")
public final class BusesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ServiceReference<EventBus> bound;

    /** @param context this bundle's context */
    @Activate
    public BusesServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<BusSnapshot> buses = buses();
        Map<String, Map<String, Long>> sources = new TreeMap<>();
        for (ServiceReference<MetricsSource> ref : references(MetricsSource.class)) {
            use(ref, MetricsSource::metrics).ifPresent(m ->
                    sources.put(String.valueOf(ref.getProperty(EventBusConstants.METRICS_NAME)), m));
        }
        long now = System.currentTimeMillis();
        JsonReply.ok(response, json -> BusSnapshot.write(json, now, buses, sources));
    }

    private List<BusSnapshot> buses() {
        ServiceReference<EventBus> b = bound;
        long boundId = b == null ? -1 : (Long) b.getProperty(Constants.SERVICE_ID);
        List<BusSnapshot> buses = new ArrayList<>();
        for (ServiceReference<EventBus> ref : references(EventBus.class)) {
            long id = (Long) ref.getProperty(Constants.SERVICE_ID);
            Object name = ref.getProperty(EventBusConstants.BUS_NAME);
            int ranking = ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
            String bundle = ref.getBundle() == null ? "-" : ref.getBundle().getSymbolicName();
            use(ref, bus -> new BusSnapshot(id, name == null ? "-" : name.toString(), ranking, bundle, id == boundId,
                    bus.metrics())).ifPresent(buses::add);
        }
        buses.sort(BusSnapshot.PREFERENCE);
        return buses;
    }

    private <S, R> Optional<R> use(ServiceReference<S> ref, Function<S, R> action) {
        S service = context.getService(ref);
        if (service == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(action.apply(service));
        } finally {
            context.ungetService(ref);
        }
    }

    private <S> List<ServiceReference<S>> references(Class<S> type) {
        try {
            return new ArrayList<>(context.getServiceReferences(type, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter given", e);
        }
    }
}
