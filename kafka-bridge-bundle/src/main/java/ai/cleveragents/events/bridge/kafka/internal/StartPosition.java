package ai.cleveragents.events.bridge.kafka.internal;

/** Where the outbound side starts when it has no checkpoint yet (property {@code outbound.start}). */
public enum StartPosition {
    /** The first event of the local journal: everything it holds goes out. */
    beginning,
    /** After the last event in the journal when the bridge first starts: only new events go out. */
    latest
}
