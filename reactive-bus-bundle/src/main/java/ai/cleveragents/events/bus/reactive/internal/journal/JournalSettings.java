package ai.cleveragents.events.bus.reactive.internal.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Journal} writes, rotates and retains its segments. Validated on construction: a bad
 * value fails with an {@link IllegalArgumentException} (or {@link NullPointerException}) whose message
 * names the setting.
 *
 * @param directory           where the segment files live; created (0700) when missing
 * @param durability          when an append returns relative to {@code fsync}
 * @param groupIntervalMillis under {@link Durability#GROUP}, the longest a commit leader waits for
 *                            appenders already writing to join its batch; 0 never waits
 * @param groupMaxEvents      under {@link Durability#GROUP}, a leader stops waiting once this many
 *                            events are pending; at least 1
 * @param segmentMaxBytes     a segment is closed and a new one started before it would exceed this
 *                            size (a single larger event gets a segment of its own); at least 1
 * @param retentionMaxAge     closed segments last written longer ago than this are deleted;
 *                            {@link Duration#ZERO} keeps them regardless of age
 * @param retentionMaxBytes   oldest closed segments are deleted while all segments together exceed
 *                            this size; 0 for no limit
 */
public record JournalSettings(Path directory, Durability durability, long groupIntervalMillis, int groupMaxEvents,
        long segmentMaxBytes, Duration retentionMaxAge, long retentionMaxBytes) {

    /** Default {@link #groupIntervalMillis()}. */
    public static final long DEFAULT_GROUP_INTERVAL_MILLIS = 2;
    /** Default {@link #groupMaxEvents()}. */
    public static final int DEFAULT_GROUP_MAX_EVENTS = 256;
    /** Default {@link #segmentMaxBytes()}: 64 MiB. */
    public static final long DEFAULT_SEGMENT_MAX_BYTES = 64L << 20;

    /**
     * @throws NullPointerException     if {@code directory}, {@code durability} or
     *                                  {@code retentionMaxAge} is {@code null}
     * @throws IllegalArgumentException if a number is out of range; the message names the setting
     */
    public JournalSettings {
        Objects.requireNonNull(directory, "journal setting directory is required");
        Objects.requireNonNull(durability, "journal setting durability is required");
        Objects.requireNonNull(retentionMaxAge, "journal setting retentionMaxAge is required");
        require(groupIntervalMillis >= 0, "groupIntervalMillis", groupIntervalMillis, "must be >= 0");
        require(groupMaxEvents >= 1, "groupMaxEvents", groupMaxEvents, "must be >= 1");
        require(segmentMaxBytes >= 1, "segmentMaxBytes", segmentMaxBytes, "must be >= 1");
        require(!retentionMaxAge.isNegative(), "retentionMaxAge", retentionMaxAge, "must not be negative");
        require(retentionMaxBytes >= 0, "retentionMaxBytes", retentionMaxBytes, "must be >= 0 (0 = unlimited)");
    }

    /**
     * Settings with every default: {@link Durability#GROUP}, {@value #DEFAULT_GROUP_INTERVAL_MILLIS} ms,
     * {@value #DEFAULT_GROUP_MAX_EVENTS} events, 64 MiB segments, no retention limit.
     *
     * @param directory where the segment files live
     * @return the settings
     */
    public static JournalSettings defaults(Path directory) {
        return new JournalSettings(directory, Durability.GROUP, DEFAULT_GROUP_INTERVAL_MILLIS,
                DEFAULT_GROUP_MAX_EVENTS, DEFAULT_SEGMENT_MAX_BYTES, Duration.ZERO, 0);
    }

    /**
     * @param value the directory
     * @return a copy with that directory
     */
    public JournalSettings withDirectory(Path value) {
        return new JournalSettings(value, durability, groupIntervalMillis, groupMaxEvents, segmentMaxBytes,
                retentionMaxAge, retentionMaxBytes);
    }

    /**
     * @param value the durability policy
     * @return a copy with that policy
     */
    public JournalSettings withDurability(Durability value) {
        return new JournalSettings(directory, value, groupIntervalMillis, groupMaxEvents, segmentMaxBytes,
                retentionMaxAge, retentionMaxBytes);
    }

    /**
     * @param value the segment size limit in bytes
     * @return a copy with that limit
     */
    public JournalSettings withSegmentMaxBytes(long value) {
        return new JournalSettings(directory, durability, groupIntervalMillis, groupMaxEvents, value,
                retentionMaxAge, retentionMaxBytes);
    }

    /**
     * @param maxAge   the retention age, {@link Duration#ZERO} to keep regardless of age
     * @param maxBytes the retention size, 0 for no limit
     * @return a copy with that retention
     */
    public JournalSettings withRetention(Duration maxAge, long maxBytes) {
        return new JournalSettings(directory, durability, groupIntervalMillis, groupMaxEvents, segmentMaxBytes,
                maxAge, maxBytes);
    }

    private static void require(boolean ok, String setting, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("journal setting " + setting + " " + rule + ", got " + value);
        }
    }
}
