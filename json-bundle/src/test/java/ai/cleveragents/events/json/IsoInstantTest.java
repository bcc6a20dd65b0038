package ai.cleveragents.events.json;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.Test;

/** {@link IsoInstant} against the JDK: the same strings, the same instants, the same refusals. */
public class IsoInstantTest {

    private static final long YEAR_10000 = 253_402_300_800L;
    private final Random random = new Random(20261203);

    private static Instant randomNanos(Random r, long seconds) {
        int nano = switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(1000) * 1_000_000;
            case 2 -> r.nextInt(1_000_000) * 1_000;
            default -> r.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nano);
    }

    @Test
    public void formatIsInstantToStringEverywhere() {
        for (int i = 0; i < 200_000; i++) {
            long seconds = i % 2 == 0 ? Math.floorMod(random.nextLong(), YEAR_10000)
                    : random.nextLong() % (YEAR_10000 * 2);
            Instant t = randomNanos(random, seconds);
            assertEquals(t.toString(), IsoInstant.format(t));
        }
        for (Instant t : List.of(Instant.EPOCH, Instant.ofEpochSecond(YEAR_10000 - 1, 999_999_999),
                Instant.ofEpochSecond(YEAR_10000), Instant.ofEpochSecond(-1), Instant.MIN, Instant.MAX,
                Instant.parse("2000-02-29T23:59:59.100Z"), Instant.parse("2100-03-01T00:00:00.000001Z"))) {
            assertEquals(t.toString(), IsoInstant.format(t));
        }
    }

    @Test
    public void parseIsInstantParseForEveryFormattedInstant() {
        for (int i = 0; i < 200_000; i++) {
            Instant t = randomNanos(random, Math.floorMod(random.nextLong(), YEAR_10000));
            String text = t.toString();
            assertEquals(text, Instant.parse(text), IsoInstant.parse(text));
        }
    }

    @Test
    public void parseAgreesWithTheJdkOnAlteredAndOddText() {
        String[] samples = {"2026-12-03T14:13:17Z", "2026-12-03T14:13:17.5Z", "2026-12-03T14:13:17.123456789Z",
            "2024-02-29T00:00:00Z", "1970-01-01T00:00:00Z"};
        String alphabet = "0123456789-:T.Z+ tz9";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(samples[random.nextInt(samples.length)]);
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertSameOutcome(text.toString());
        }
        for (String odd : List.of("2023-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-12-03T24:00:00Z",
                "2026-12-03T23:60:00Z", "2026-12-03T23:59:60Z", "2026-12-03T23:59:59.Z", "2026-12-03T23:59:59.1234567890Z",
                "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2026-12-03T14:13:17+01:00", "2026-12-03t14:13:17z",
                "2026-13-03T14:13:17Z", "2026-00-03T14:13:17Z", "2026-12-00T14:13:17Z", "2026-1-03T14:13:17Z", "")) {
            assertSameOutcome(odd);
        }
    }

    private static void assertSameOutcome(String text) {
        Object expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            expected = DateTimeParseException.class;
        }
        Object actual;
        try {
            actual = IsoInstant.parse(text);
        } catch (DateTimeParseException e) {
            actual = DateTimeParseException.class;
        }
        assertEquals(text, expected, actual);
    }
}
