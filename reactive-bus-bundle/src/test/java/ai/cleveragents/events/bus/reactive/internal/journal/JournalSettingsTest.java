package ai.cleveragents.events.bus.reactive.internal.journal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;

public class JournalSettingsTest {

    private static final Path DIR = Path.of("journal");

    @Test
    public void defaultsAreGroupCommitWithoutRetention() {
        JournalSettings s = JournalSettings.defaults(DIR);
        assertEquals(new JournalSettings(DIR, Durability.GROUP, 2, 256, 64L << 20, Duration.ZERO, 0), s);
    }

    @Test
    public void copiesChangeOneThing() {
        JournalSettings s = JournalSettings.defaults(DIR);
        assertEquals(Durability.ALWAYS, s.withDurability(Durability.ALWAYS).durability());
        assertEquals(100, s.withSegmentMaxBytes(100).segmentMaxBytes());
        assertEquals(Path.of("other"), s.withDirectory(Path.of("other")).directory());
        JournalSettings r = s.withRetention(Duration.ofDays(1), 10);
        assertEquals(Duration.ofDays(1), r.retentionMaxAge());
        assertEquals(10, r.retentionMaxBytes());
    }

    @Test
    public void badNumbersAreRejectedNamingTheSetting() {
        assertMessage("journal setting groupIntervalMillis must be >= 0, got -1", -1, 1, 1, Duration.ZERO, 0);
        assertMessage("journal setting groupMaxEvents must be >= 1, got 0", 0, 0, 1, Duration.ZERO, 0);
        assertMessage("journal setting segmentMaxBytes must be >= 1, got 0", 0, 1, 0, Duration.ZERO, 0);
        assertMessage("journal setting retentionMaxAge must not be negative, got PT-1S", 0, 1, 1,
                Duration.ofSeconds(-1), 0);
        assertMessage("journal setting retentionMaxBytes must be >= 0 (0 = unlimited), got -5", 0, 1, 1,
                Duration.ZERO, -5);
    }

    @Test
    public void missingValuesAreRejectedNamingTheSetting() {
        assertEquals("journal setting directory is required", assertThrows(NullPointerException.class,
                () -> new JournalSettings(null, Durability.NONE, 0, 1, 1, Duration.ZERO, 0)).getMessage());
        assertEquals("journal setting durability is required", assertThrows(NullPointerException.class,
                () -> new JournalSettings(DIR, null, 0, 1, 1, Duration.ZERO, 0)).getMessage());
        assertEquals("journal setting retentionMaxAge is required", assertThrows(NullPointerException.class,
                () -> new JournalSettings(DIR, Durability.NONE, 0, 1, 1, null, 0)).getMessage());
    }

    private static void assertMessage(String expected, long interval, int maxEvents, long segmentBytes,
            Duration maxAge, long maxBytes) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JournalSettings(DIR,
                Durability.GROUP, interval, maxEvents, segmentBytes, maxAge, maxBytes));
        assertEquals(expected, e.getMessage());
    }
}
