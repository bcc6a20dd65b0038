package ai.cleveragents.events.benchmarks.report;

import java.util.Map;

/**
 * One row of JMH's JSON output.
 *
 * @param benchmark   class and method, e.g. {@code SyncEmitBenchmark.throughput}
 * @param mode        {@code thrpt} or {@code sample}
 * @param threads     producer threads
 * @param params      the {@code @Param} values
 * @param score       the primary score
 * @param error       its 99.9% confidence half-width, {@code NaN} when JMH had too few samples
 * @param unit        the score's unit
 * @param percentiles sample-time percentiles by label ({@code "50.0"}, {@code "99.0"}, {@code "99.9"})
 * @param allocBytes  bytes allocated per operation ({@code -prof gc}), {@code NaN} if not profiled
 */
public record JmhResult(String benchmark, String mode, int threads, Map<String, String> params, double score,
        double error, String unit, Map<String, Double> percentiles, double allocBytes) {

    /**
     * @param name the parameter
     * @return its value, or {@code ""}
     */
    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /**
     * @param label e.g. {@code "99.9"}
     * @return the percentile, {@code NaN} if absent
     */
    public double percentile(String label) {
        return percentiles.getOrDefault(label, Double.NaN);
    }
}
