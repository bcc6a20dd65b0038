package ai.cleveragents.events.bus.reactive.internal;


import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;

/**
 * The reactive bus configuration, validated: every error names the property and the allowed values.
 *
 * @param ranking       {@code service.ranking} of the EventBus service
 * @param journal       the journal settings, or {@code null} when the journal is disabled
 * @param overflow      the stream overflow policy
 * @param bufferSize    the stream buffer size per subscriber
 * @param closeTimeoutMillis how long a stop waits for emits in flight
 * @param journalRedact whether the journal masks events (by the shared redaction policy) before writing
 */
record BusSettings(int ranking, JournalSettings journal, OverflowPolicy overflow, int bufferSize,
        long closeTimeoutMillis, boolean journalRedact) {

    static BusSettings from(ReactiveBusComponent.Config c, Path defaultDirectory) {
        JournalSettings journal = null;
        if (c.journal_enabled()) {
            String dir = c.journal_directory().trim();
            journal = new JournalSettings(dir.isEmpty() ? defaultDirectory : path(dir),
                    durability(c.journal_durability()),
                    atLeast("journal.group.interval.ms", c.journal_group_interval_ms(), 0),
                    (int) atLeast("journal.group.max.events", c.journal_group_max_events(), 1),
                    atLeast("journal.segment.max.bytes", c.journal_segment_max_bytes(), 1024),
                    Duration.ofHours(atLeast("journal.retention.max.age.hours", c.journal_retention_max_age_hours(), 0)),
                    atLeast("journal.retention.max.bytes", c.journal_retention_max_bytes(), 0));
        }
        return new BusSettings(c.service_ranking(), journal,
                OverflowPolicy.parse("stream.overflow", c.stream_overflow()),
                (int) atLeast("stream.buffer.size", c.stream_buffer_size(), 1),
                atLeast("close.timeout.ms", c.close_timeout_ms(), 0),
                c.journal_redact());
    }

    /** @return {@code true} if going from {@code this} to {@code next} needs a new bus, not a live update */
    boolean needsRestart(BusSettings next) {
        return (journal == null) != (next.journal == null) || overflow != next.overflow
                || bufferSize != next.bufferSize;
    }

    static Durability durability(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (Durability d : Durability.values()) {
            if (d.name().equals(v)) {
                return d;
            }
        }
        throw new IllegalArgumentException("journal.durability must be one of none, group, always; got '" + value + "'");
    }

    private static Path path(String dir) {
        try {
            return Path.of(dir);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("journal.directory is not a valid path: " + e.getMessage(), e);
        }
    }

    private static long atLeast(String property, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(property + " must be >= " + min + "; got " + value);
        }
        return value;
    }
}
