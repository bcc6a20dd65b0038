package ai.cleveragents.events.bridge.kafka.internal;

/** Which way a bridge carries events (configuration property {@code directions}). */
public enum Direction {
    /** Local journal to Kafka only. */
    out,
    /** Kafka to the local bus only. */
    in,
    /** Both ways. */
    both;

    boolean outbound() {
        return this != in;
    }

    boolean inbound() {
        return this != out;
    }
}
