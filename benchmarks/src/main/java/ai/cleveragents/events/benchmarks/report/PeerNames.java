package ai.cleveragents.events.benchmarks.report;

import java.util.List;
import java.util.Map;

/** What the report calls each {@code peer} parameter value. */
final class PeerNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("direct", "Direct interface call (floor)"),
            Map.entry("dispatch-core", "Dispatch core (reactive bus sync path, journal off)"),
            Map.entry("reactive", "Reactive bus, journal off"),
            Map.entry("reactive-none", "Reactive bus, journal `none`"),
            Map.entry("reactive-group", "Reactive bus, journal `group`"),
            Map.entry("reactive-stream", "Reactive bus stream (EventStream)"),
            Map.entry("logging", "Logging bus, file appender"),
            Map.entry("logging-off", "Logging bus, level disabled"),
            Map.entry("guava", "Guava EventBus.post"),
            Map.entry("guava-async", "Guava AsyncEventBus.post"),
            Map.entry("eventadmin-send", "Felix Event Admin sendEvent, defaults"),
            Map.entry("eventadmin-post", "Felix Event Admin postEvent, defaults"),
            Map.entry("eventadmin-send-tuned", "Felix Event Admin sendEvent, tuned (Timeout=0)"),
            Map.entry("eventadmin-post-tuned", "Felix Event Admin postEvent, tuned (Timeout=0)"),
            Map.entry("typedevent", "Aries Typed Event deliver"),
            Map.entry("submission-publisher", "JDK SubmissionPublisher"));

    /** The order the report lists peers in: the floor, this project's paths, then the peers. */
    private static final List<String> ORDER = List.of("direct", "dispatch-core", "reactive", "reactive-none",
            "reactive-group", "reactive-stream", "logging", "logging-off", "guava", "guava-async",
            "eventadmin-send-tuned", "eventadmin-send", "eventadmin-post-tuned", "eventadmin-post", "typedevent",
            "submission-publisher");

    private PeerNames() {
    }

    /** @return the peer's place in the report, unknown peers last */
    static int rank(String peer) {
        int i = ORDER.indexOf(peer);
        return i < 0 ? ORDER.size() : i;
    }

    static String of(String peer) {
        return NAMES.getOrDefault(peer, peer);
    }
}
