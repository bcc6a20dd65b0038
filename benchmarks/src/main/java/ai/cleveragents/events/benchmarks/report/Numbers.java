package ai.cleveragents.events.benchmarks.report;

import java.util.Locale;

/** How the report prints numbers. */
final class Numbers {

    static final String NONE = "n/a";

    private Numbers() {
    }

    /** @return e.g. {@code 5.71 M/s}, {@code 136 k/s} */
    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return NONE;
        }
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M/s", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k/s", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f /s", perSecond);
    }

    /** @return a duration given in nanoseconds, e.g. {@code 180 ns}, {@code 12.5 µs}, {@code 1.20 ms} */
    static String nanos(double ns) {
        if (Double.isNaN(ns)) {
            return NONE;
        }
        if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        if (ns >= 1e4) {
            return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        }
        if (ns >= 1e3) {
            return String.format(Locale.ROOT, "%.2f µs", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", ns);
    }

    /** @return a sample-time value in {@code unit} ({@code ns/op} or {@code us/op}) as nanoseconds */
    static double toNanos(double value, String unit) {
        return unit.startsWith("us") ? value * 1e3 : unit.startsWith("ms") ? value * 1e6 : value;
    }

    /** @return e.g. {@code 12.3×} */
    static String ratio(double r) {
        return Double.isNaN(r) ? NONE : String.format(Locale.ROOT, r >= 10 ? "%.0f×" : "%.1f×", r);
    }

    /** @return bytes, e.g. {@code 0 B}, {@code 1,234 B} */
    static String bytes(double b) {
        return Double.isNaN(b) ? NONE : String.format(Locale.ROOT, "%,.0f B", b);
    }

    /** @return the score ± error as a percentage of it, e.g. {@code ±3%} */
    static String error(JmhResult r) {
        return Double.isNaN(r.error()) || r.score() == 0 ? ""
                : String.format(Locale.ROOT, " ±%.0f%%", 100 * r.error() / r.score());
    }
}
