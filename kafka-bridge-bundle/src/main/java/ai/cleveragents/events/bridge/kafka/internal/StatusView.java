package ai.cleveragents.events.bridge.kafka.internal;

import java.util.Map;

/** What {@code kafka:status} shows of a bridge. */
interface StatusView {

    /** @return the bridge's name */
    String name();

    /** @return the status lines, in order, unescaped */
    Map<String, String> status();
}
