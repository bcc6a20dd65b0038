package ai.cleveragents.events.shell.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.SubscriptionInfo;

/**
 * The text of {@code events:buses}, {@code events:stats} and {@code events:subscribers}.
 */
final class BusReports {

    static final String NO_BUS = "no EventBus service is registered (start a bus bundle, e.g. ai.cleveragents.events.bus.reactive)";

    private BusReports() {
    }

    /**
     * @param buses the buses, highest ranking first
     * @return a table of the buses, the bound one marked with {@code *}
     */
    static String buses(List<BusView> buses) {
        if (buses.isEmpty()) {
            return NO_BUS + "\n";
        }
        Table table = new Table("", "SERVICE", "NAME", "RANKING", "BUNDLE", "EMITTED", "SUBSCRIPTIONS", "STREAMS");
        for (BusView bus : buses) {
            EventBusMetrics m = bus.metrics();
            table.row(bus.bound() ? "*" : "", bus.serviceId(), bus.name(), bus.ranking(), bus.bundle(),
                    bus.emittedTotal(), m.subscriptions(), m.streamSubscribers());
        }
        return table.render() + "* = the bus consumers are bound to (highest ranking)\n";
    }

    /**
     * @param buses   the buses, highest ranking first
     * @param sources the other metrics sources by name
     * @return one section per bus and per metrics source, each a two-column table
     */
    static String stats(List<BusView> buses, Map<String, Map<String, Long>> sources) {
        StringBuilder out = new StringBuilder();
        if (buses.isEmpty()) {
            out.append(NO_BUS).append('\n');
        }
        for (BusView bus : buses) {
            out.append("bus ").append(bus.title()).append(bus.bound() ? ", bound" : "").append('\n');
            out.append(counters(busCounters(bus.metrics())));
            out.append(eventsPerFsync(bus.metrics().extra())).append('\n');
        }
        new TreeMap<>(sources).forEach((name, counters) ->
                out.append("source ").append(name).append('\n').append(counters(counters)).append('\n'));
        return out.toString().stripTrailing() + "\n";
    }

    /** @return a line with the journal's events per fsync, or nothing when it has not forced yet */
    static String eventsPerFsync(Map<String, Long> extra) {
        Long appends = extra.get("journal.appends");
        Long fsyncs = extra.get("journal.fsyncs");
        if (appends == null || fsyncs == null || fsyncs == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "journal: %.1f events per fsync%n", (double) appends / fsyncs);
    }

    private static Map<String, Long> busCounters(EventBusMetrics m) {
        Map<String, Long> counters = new TreeMap<>();
        counters.put("deliveries", m.deliveries());
        counters.put("handler.failures", m.handlerFailures());
        counters.put("drops", m.drops());
        counters.put("stream.subscribers", (long) m.streamSubscribers());
        counters.put("subscriptions", (long) m.subscriptions());
        long emitted = 0;
        for (Map.Entry<EventType, Long> e : m.emitted().entrySet()) {
            counters.put("emitted." + e.getKey().id(), e.getValue());
            emitted += e.getValue();
        }
        counters.put("emitted", emitted);
        long unhandled = 0;
        for (Map.Entry<EventType, Long> e : m.unhandled().entrySet()) {
            counters.put("unhandled." + e.getKey().id(), e.getValue());
            unhandled += e.getValue();
        }
        counters.put("unhandled", unhandled);
        counters.putAll(m.extra());
        return counters;
    }

    private static String counters(Map<String, Long> counters) {
        Table table = new Table("METRIC", "VALUE");
        new TreeMap<>(counters).forEach(table::row);
        return table.render();
    }

    /**
     * @param buses the buses, highest ranking first
     * @return a table of every subscription of every bus with its owning bundle
     */
    static String subscribers(List<BusView> buses) {
        if (buses.isEmpty()) {
            return NO_BUS + "\n";
        }
        Table table = new Table("BUS", "OWNER", "KIND", "TYPES", "HANDLER");
        for (BusView bus : buses) {
            for (SubscriptionInfo s : bus.metrics().subscriptionDetails()) {
                table.row(bus.name(), s.owner(), kind(s), s.unhandled() ? "(unhandled)" : EventLines.selectors(s.types()),
                        s.handler());
            }
        }
        return table.size() == 0 ? "no subscriptions\n" : table.render();
    }

    private static String kind(SubscriptionInfo s) {
        String kind = s.whiteboard() ? "whiteboard" : "subscribe";
        return s.observer() ? kind + " observer" : kind;
    }
}
