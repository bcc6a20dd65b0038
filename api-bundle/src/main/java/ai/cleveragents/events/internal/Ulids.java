package ai.cleveragents.events.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * ULIDs (26 Crockford base32 characters: a 48-bit millisecond time, then 80 random bits), generated
 * monotonically and checked, with nothing but the JDK: the API bundle imports no ULID library.
 *
 * <p>Generation is monotonic: within one millisecond (or if the clock goes back) the previous ULID's
 * 80-bit random part is incremented, so every ULID is greater than the one before it. Parsing accepts
 * lower case and Crockford's aliases ({@code I}/{@code L} for 1, {@code O} for 0) and
 * {@linkplain #canonical canonicalises} them. Thread-safe.
 */
public final class Ulids {

    /** The length of a ULID string. */
    public static final int LENGTH = 26;

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int[] VALUES = new int[128];
    private static final long RANDOM_LOW_MASK = (1L << 40) - 1;
    private static final Ulids JVM = new Ulids(System::currentTimeMillis, new SecureRandom());

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
            VALUES[Character.toLowerCase(ALPHABET[i])] = i;
        }
        for (char c : "IiLl".toCharArray()) {
            VALUES[c] = 1;
        }
        VALUES['O'] = 0;
        VALUES['o'] = 0;
    }

    private final LongSupplier clock;
    private final Random random;
    /** Guarded by {@code this}. */
    private long lastTime = -1;
    /** The 80 random bits: the upper 40 and the lower 40. Guarded by {@code this}. */
    private long randomHigh;
    private long randomLow;

    Ulids(LongSupplier clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    /** @return a new ULID from the JVM-wide generator, greater than every one it generated before */
    public static String next() {
        return JVM.generate();
    }

    synchronized String generate() {
        long now = clock.getAsLong();
        if (now > lastTime) {
            lastTime = now;
            randomHigh = random.nextLong() & RANDOM_LOW_MASK;
            randomLow = random.nextLong() & RANDOM_LOW_MASK;
        } else if (++randomLow > RANDOM_LOW_MASK) {
            randomLow = 0;
            if (++randomHigh > RANDOM_LOW_MASK) {
                randomHigh = 0;
                lastTime++;
            }
        }
        return encode(lastTime, randomHigh, randomLow);
    }

    static String encode(long time, long high, long low) {
        char[] out = new char[LENGTH];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time >>> (5 * (9 - i))) & 31];
        }
        for (int i = 0; i < 8; i++) {
            out[10 + i] = ALPHABET[(int) (high >>> (35 - 5 * i)) & 31];
            out[18 + i] = ALPHABET[(int) (low >>> (35 - 5 * i)) & 31];
        }
        return new String(out);
    }

    /**
     * @param text any string, or {@code null}
     * @return {@code true} if it is a ULID: 26 Crockford base32 characters (either case, aliases
     *         allowed) whose first one is at most {@code 7}, so the time fits 48 bits
     */
    public static boolean isValid(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (value(text.charAt(i)) < 0) {
                return false;
            }
        }
        return value(text.charAt(0)) < 8;
    }

    /**
     * @param ulid a valid ULID
     * @return it in canonical form: upper case, aliases resolved
     * @throws IllegalArgumentException if it is not a valid ULID
     */
    public static String canonical(String ulid) {
        if (!isValid(ulid)) {
            throw new IllegalArgumentException("not a ULID: '" + ulid + "'");
        }
        int i = 0;
        while (i < LENGTH && ALPHABET[value(ulid.charAt(i))] == ulid.charAt(i)) {
            i++;
        }
        if (i == LENGTH) {
            return ulid; // already canonical, as every id this project generates or decodes
        }
        char[] out = new char[LENGTH];
        for (i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET[value(ulid.charAt(i))];
        }
        return new String(out);
    }

    private static int value(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }
}
