package ai.cleveragents.events.bus.reactive.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a stream subscriber's full buffer does to the emitter. */
public enum OverflowPolicy {
    /** The emitter waits for room: no loss, back-pressure reaches the producer. */
    BLOCK,
    /** The new event is dropped for that subscriber and counted. */
    DROP_NEWEST,
    /** The slow subscriber is cancelled with an error; the event is counted as dropped. */
    CANCEL;

    /**
     * @param property the configuration property name, for the message
     * @param value    {@code block}, {@code drop_newest} or {@code cancel}, any case
     * @return the policy
     * @throws IllegalArgumentException naming the property and the allowed values
     */
    public static OverflowPolicy parse(String property, String value) {
        for (OverflowPolicy p : values()) {
            if (p.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException(property + " must be one of "
                + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + "; got '" + value + "'");
    }
}
