package ai.cleveragents.events.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The wire format's timestamps without {@link java.time.format.DateTimeFormatter}: {@link #format}
 * gives exactly {@link Instant#toString()} and {@link #parse} exactly {@link Instant#parse}, several
 * times faster and without the formatter's garbage, for the instants events carry (years 1970 to
 * 9999, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}). Anything else goes to the JDK, so the results are the
 * JDK's by construction. Stateless.
 */
final class IsoInstant {

    /** 10000-01-01T00:00:00Z: the first instant whose year needs more than four digits. */
    private static final long YEAR_10000 = 253_402_300_800L;
    private static final int SECONDS_PER_DAY = 86_400;
    /** {@code yyyy-MM-ddTHH:mm:ssZ} */
    private static final int BASE_LENGTH = 20;

    private IsoInstant() {
    }

    /** The longest form {@link #formatInto} writes: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
    static final int MAX_FAST_LENGTH = BASE_LENGTH + 10;

    /** @return {@code t.toString()} */
    static String format(Instant t) {
        byte[] out = new byte[MAX_FAST_LENGTH];
        int end = formatInto(t, out, 0);
        return end < 0 ? t.toString() : new String(out, 0, end, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@code t.toString()} as ASCII into {@code out} at {@code p}, which has room for
     * {@link #MAX_FAST_LENGTH} bytes, when the year has four digits.
     *
     * @return the position after the last byte written, or -1 (nothing written) for another year
     */
    static int formatInto(Instant t, byte[] out, int p) {
        long seconds = t.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return -1;
        }
        int nano = t.getNano();
        int fraction = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        long days = seconds / SECONDS_PER_DAY;
        int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
        long[] ymd = civil(days);
        digits(out, p, ymd[0], 4);
        out[p + 4] = '-';
        digits(out, p + 5, ymd[1], 2);
        out[p + 7] = '-';
        digits(out, p + 8, ymd[2], 2);
        out[p + 10] = 'T';
        digits(out, p + 11, secondOfDay / 3600, 2);
        out[p + 13] = ':';
        digits(out, p + 14, secondOfDay / 60 % 60, 2);
        out[p + 16] = ':';
        digits(out, p + 17, secondOfDay % 60, 2);
        int end = p + 19;
        if (fraction > 0) {
            out[end++] = '.';
            digits(out, end, nano / pow10(9 - fraction), fraction);
            end += fraction;
        }
        out[end++] = 'Z';
        return end;
    }

    /**
     * @return {@code Instant.parse(text)}
     * @throws java.time.format.DateTimeParseException as {@link Instant#parse} throws it
     */
    static Instant parse(CharSequence text) {
        int length = text.length();
        if (length < BASE_LENGTH || length > BASE_LENGTH + 10 || length == BASE_LENGTH + 1
                || text.charAt(length - 1) != 'Z' || !separators(text)) {
            return Instant.parse(text);
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int nano = fraction(text, length);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
            return Instant.parse(text);
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nano);
    }

    private static boolean separators(CharSequence t) {
        return t.charAt(4) == '-' && t.charAt(7) == '-' && t.charAt(10) == 'T' && t.charAt(13) == ':'
                && t.charAt(16) == ':' && (t.length() == BASE_LENGTH || t.charAt(19) == '.');
    }

    /** @return the decimal number in {@code t[from, from + n)}, or -1 if a character is not a digit */
    private static int number(CharSequence t, int from, int n) {
        int value = 0;
        for (int i = from; i < from + n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** @return the nanoseconds of the fraction between the dot and the {@code Z}, 0 if none, -1 if bad */
    private static int fraction(CharSequence t, int length) {
        if (length == BASE_LENGTH) {
            return 0;
        }
        int n = length - BASE_LENGTH - 1;
        int value = number(t, 20, n);
        return value < 0 ? -1 : value * pow10(9 - n);
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static boolean isLeap(long year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a date (H. Hinnant's days_from_civil, for years from 1970). */
    private static long epochDay(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = y / 400;
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** @return year, month, day of a day since 1970-01-01 (H. Hinnant's civil_from_days, for days from 0) */
    private static long[] civil(long epochDay) {
        long z = epochDay + 719_468;
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
    }

    private static void digits(byte[] out, int at, long value, int n) {
        long rest = value;
        for (int i = at + n - 1; i >= at; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
