package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.Objects;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

/**
 * The validated configuration of a bridge. Each invalid value fails with an
 * {@link IllegalArgumentException} whose message starts with the configuration property's name.
 *
 * @param directions     which way events cross
 * @param topics         the topics under the configured prefix
 * @param mode           post or send
 * @param outboundFilter the filter outbound property maps must match, or {@code null} for all
 * @param queueCapacity  the inbound queue bound
 * @param dedupeCapacity how many event ids each direction remembers
 */
record BridgeSettings(Direction directions, Topics topics, OutboundMode mode, Filter outboundFilter,
        int queueCapacity, int dedupeCapacity) {

    BridgeSettings {
        Objects.requireNonNull(directions, "directions");
        Objects.requireNonNull(mode, "outbound.mode");
        requirePositive(queueCapacity, "inbound.queue.capacity");
        requirePositive(dedupeCapacity, "dedupe.capacity");
    }

    /**
     * @param outboundFilter an LDAP filter, or {@code null} or blank for none
     * @throws IllegalArgumentException if a value is invalid; the message names the property
     */
    static BridgeSettings of(Direction directions, String topicPrefix, OutboundMode mode, String outboundFilter,
            int queueCapacity, int dedupeCapacity) {
        return new BridgeSettings(directions, new Topics(topicPrefix), mode, parseFilter(outboundFilter),
                queueCapacity, dedupeCapacity);
    }

    static Filter parseFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return FrameworkUtil.createFilter(filter.trim());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("outbound.filter: '" + filter + "' is not a valid LDAP filter: "
                    + e.getMessage(), e);
        }
    }

    private static void requirePositive(int value, String property) {
        if (value <= 0) {
            throw new IllegalArgumentException(property + ": must be at least 1, got " + value);
        }
    }
}
