package ai.cleveragents.events.shell.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventBusMetrics;

/**
 * One registered EventBus service, as the shell shows it.
 *
 * @param serviceId the service id
 * @param name      the {@code event.bus.name} property, or {@code -}
 * @param ranking   the {@code service.ranking} property (0 when absent)
 * @param bundle    the registering bundle as {@code symbolic-name [id]}
 * @param bound     whether greedy consumers (the shell's own {@code events:emit}) are bound to it
 * @param metrics   a snapshot of its metrics
 */
record BusView(long serviceId, String name, int ranking, String bundle, boolean bound, EventBusMetrics metrics) {

    private static final Comparator<BusView> RANKING_ORDER =
            Comparator.comparingInt(BusView::ranking).reversed().thenComparingLong(BusView::serviceId);

    /**
     * @param properties the bus service's properties
     * @param bundle     the registering bundle as {@code symbolic-name [id]}
     * @param boundId    the service id greedy consumers are bound to, or -1
     * @param metrics    a snapshot of its metrics
     * @return the view
     */
    static BusView of(Map<String, Object> properties, String bundle, long boundId, EventBusMetrics metrics) {
        long id = ((Number) properties.get("service.id")).longValue();
        Object name = properties.get(EventBusConstants.BUS_NAME);
        int ranking = properties.get("service.ranking") instanceof Integer r ? r : 0;
        return new BusView(id, name == null ? "-" : name.toString(), ranking, bundle, id == boundId, metrics);
    }

    /**
     * @param buses some buses
     * @return them by descending ranking, then ascending service id: the order consumers prefer them
     */
    static List<BusView> byRanking(List<BusView> buses) {
        return buses.stream().sorted(RANKING_ORDER).toList();
    }

    /** @return events emitted, all types together */
    long emittedTotal() {
        return metrics.emitted().values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return how the bus is named in section titles: {@code name (service id)} */
    String title() {
        return name + " (service " + serviceId + ")";
    }
}
