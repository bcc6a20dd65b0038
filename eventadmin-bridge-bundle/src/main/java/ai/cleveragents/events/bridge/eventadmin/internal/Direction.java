package ai.cleveragents.events.bridge.eventadmin.internal;

/**
 * Which way events cross the bridge. The constants are lower case because they are the configuration
 * values ({@code directions=in}).
 */
public enum Direction {
    /** Domain events are posted to Event Admin; nothing comes in. */
    out,
    /** Event Admin events under the prefix are emitted on the bus; nothing goes out. */
    in,
    /** Both ways, loop-safe. */
    both;

    /** @return whether domain events go out to Event Admin */
    boolean outbound() {
        return this != in;
    }

    /** @return whether Event Admin events come in to the bus */
    boolean inbound() {
        return this != out;
    }
}
