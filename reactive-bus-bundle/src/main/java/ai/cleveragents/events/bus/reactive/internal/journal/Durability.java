package ai.cleveragents.events.bus.reactive.internal.journal;

/**
 * When {@link Journal#append} returns, relative to the event reaching stable storage.
 */
public enum Durability {
    /** The event was handed to the operating system; a power loss may lose it, a process crash may not. */
    NONE,
    /**
     * Group commit: appends from many threads share one {@code fsync}; each returns once the batch
     * holding its event has been forced to storage.
     */
    GROUP,
    /** One {@code fsync} per event before the append returns. */
    ALWAYS
}
