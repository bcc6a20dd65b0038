package ai.cleveragents.events.benchmarks.report;

import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * A score with its 99.9 % confidence interval as JMH reports it ({@code score ± scoreError}); without
 * an error (one iteration, or a percentile) the interval is the score alone.
 *
 * @param score the score
 * @param low   the interval's lower end
 * @param high  the interval's upper end ({@code +∞} for a ratio whose divisor's interval reaches 0)
 */
record Estimate(double score, double low, double high) {

    static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    /** @return the row's score and interval, {@link #NONE} when the row is absent */
    static Estimate of(Optional<JmhResult> row) {
        return row.map(r -> {
            double error = Double.isNaN(r.error()) ? 0 : r.error();
            return new Estimate(r.score(), Math.max(0, r.score() - error), r.score() + error);
        }).orElse(NONE);
    }

    /** @return a value known exactly */
    static Estimate exact(double value) {
        return new Estimate(value, value, value);
    }

    /** @return {@code this / divisor}, its interval from the two intervals' ends (conservative) */
    Estimate over(Estimate divisor) {
        double high = divisor.low > 0 ? this.high / divisor.low : Double.POSITIVE_INFINITY;
        return new Estimate(score / divisor.score, this.low / divisor.high, high);
    }

    boolean missing() {
        return Double.isNaN(score);
    }

    /** @return {@code null} when not measured, else met / missed / unclear against a minimum */
    String atLeast(double minimum) {
        return missing() ? null : low >= minimum ? Targets.MET : high < minimum ? Targets.MISSED : Targets.UNCLEAR;
    }

    /** @return {@code null} when not measured, else met / missed / unclear against a maximum */
    String atMost(double maximum) {
        return missing() ? null : high <= maximum ? Targets.MET : low > maximum ? Targets.MISSED : Targets.UNCLEAR;
    }

    /** @return {@code true} if the two intervals overlap: no change can be told from noise */
    boolean overlaps(Estimate other) {
        return low <= other.high && other.low <= high;
    }

    /** @return e.g. {@code 5.09 M/s (4.10–6.08 M/s)}; the score alone when the interval is empty */
    String format(DoubleFunction<String> unit) {
        if (missing()) {
            return Numbers.NONE;
        }
        if (low == high) {
            return unit.apply(score);
        }
        return unit.apply(score) + " (" + unit.apply(low) + "–"
                + (Double.isInfinite(high) ? "∞" : unit.apply(high)) + ")";
    }
}
