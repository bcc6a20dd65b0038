package ai.cleveragents.events.benchmarks.report;

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

    private PeerNames() {
    }

    static String of(String peer) {
        return NAMES.getOrDefault(peer, peer);
    }
}
