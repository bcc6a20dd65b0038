package ai.cleveragents.events.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The rows of one or more JMH JSON result files, with the run's settings. */
public final class JmhResults {

    private static final List<String> DURABILITIES = List.of("none", "group", "always");

    private final List<JmhResult> rows;
    private final String jvm;
    private final List<String> settings;

    private JmhResults(List<JmhResult> rows, String jvm, List<String> settings) {
        this.rows = rows;
        this.jvm = jvm;
        this.settings = settings;
    }

    /**
     * @param files JMH {@code -rf json} files
     * @return their rows, in file order
     * @throws IOException if one cannot be read or parsed
     */
    public static JmhResults read(List<Path> files) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JmhResult> rows = new ArrayList<>();
        String jvm = "";
        Set<String> settings = new LinkedHashSet<>();
        for (Path file : files) {
            for (JsonNode n : mapper.readTree(file.toFile())) {
                rows.add(row(n));
                jvm = n.path("vmName").asText() + " " + n.path("jdkVersion").asText();
                settings.add(n.path("warmupIterations").asInt() + " warm-up x " + n.path("warmupTime").asText()
                        + ", " + n.path("measurementIterations").asInt() + " measurement x "
                        + n.path("measurementTime").asText() + ", " + n.path("forks").asInt() + " fork(s)");
            }
        }
        return new JmhResults(rows, jvm, List.copyOf(settings));
    }

    private static JmhResult row(JsonNode n) {
        String full = n.path("benchmark").asText();
        String[] parts = full.split("\\.");
        String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
        Map<String, String> params = new LinkedHashMap<>();
        n.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode primary = n.path("primaryMetric");
        Map<String, Double> percentiles = new LinkedHashMap<>();
        primary.path("scorePercentiles").properties()
                .forEach(e -> percentiles.put(e.getKey(), e.getValue().asDouble()));
        double alloc = Double.NaN;
        for (Map.Entry<String, JsonNode> e : n.path("secondaryMetrics").properties()) {
            if (e.getKey().replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
                alloc = e.getValue().path("score").asDouble();
            }
        }
        JsonNode error = primary.path("scoreError");
        return new JmhResult(name, n.path("mode").asText(), n.path("threads").asInt(), params,
                primary.path("score").asDouble(), error.isNumber() ? error.asDouble() : Double.NaN,
                primary.path("scoreUnit").asText(), percentiles, alloc);
    }

    /** @return every row */
    public List<JmhResult> rows() {
        return rows;
    }

    /** @return the benchmark JVM, e.g. {@code OpenJDK 64-Bit Server VM 17.0.15} */
    public String jvm() {
        return jvm;
    }

    /** @return the distinct iteration settings of the run's JMH invocations */
    public List<String> settings() {
        return settings;
    }

    /**
     * @param benchmark e.g. {@code SyncEmitBenchmark.throughput}
     * @param match     a further condition on the row
     * @return the first matching row
     */
    public Optional<JmhResult> find(String benchmark, Predicate<JmhResult> match) {
        return rows.stream().filter(r -> r.benchmark().equals(benchmark)).filter(match).findFirst();
    }

    /**
     * @param benchmark e.g. {@code SyncEmitBenchmark.throughput}
     * @param params    alternating parameter names and values that must all match
     * @return the first matching row
     */
    public Optional<JmhResult> find(String benchmark, String... params) {
        return find(benchmark, r -> {
            for (int i = 0; i < params.length; i += 2) {
                if (!r.param(params[i]).equals(params[i + 1])) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * @param benchmark e.g. {@code SyncEmitBenchmark.throughput}
     * @param param     a parameter name
     * @return its values in the order they appear
     */
    public List<String> values(String benchmark, String param) {
        return rows.stream().filter(r -> r.benchmark().equals(benchmark)).map(r -> r.param(param)).distinct()
                .sorted(order(param)).toList();
    }

    /**
     * The order of a parameter's values in tables whatever the order of the result files: peers as
     * {@link PeerNames} lists them, durabilities from the weakest, numbers by value, the rest as found.
     */
    private static Comparator<String> order(String param) {
        return switch (param) {
            case "peer" -> Comparator.comparingInt(PeerNames::rank);
            case "durability" -> Comparator.comparingInt(DURABILITIES::indexOf);
            case "subscribers" -> Comparator.comparingInt(Integer::parseInt);
            default -> (a, b) -> 0;
        };
    }
}
