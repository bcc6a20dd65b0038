package ai.cleveragents.events.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The chart of {@code docs/performance.md}: synchronous emits per second by peer and subscriber count. */
final class EmitChart {

    private EmitChart() {
    }

    /**
     * Writes the chart as PNG.
     *
     * @param results the run
     * @param png     the file to write
     * @return {@code false} if the run has no synchronous emit results (nothing written)
     * @throws IOException if the file cannot be written
     */
    static boolean write(JmhResults results, Path png) throws IOException {
        List<String> peers = results.values(ReportSections.SYNC_THROUGHPUT, "peer");
        if (peers.isEmpty()) {
            return false;
        }
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
                .title("Synchronous emit, 1 producer (higher is better, log scale)")
                .xAxisTitle("").yAxisTitle("emits per second").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> labels = peers.stream().map(EmitChart::shortName).toList();
        double min = Double.MAX_VALUE;
        for (String subs : results.values(ReportSections.SYNC_THROUGHPUT, "subscribers")) {
            List<Double> scores = new ArrayList<>();
            for (String peer : peers) {
                scores.add(results.find(ReportSections.SYNC_THROUGHPUT, "peer", peer, "subscribers", subs)
                        .map(JmhResult::score).orElse(null));
            }
            min = scores.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                    .reduce(min, Math::min);
            chart.addSeries(subs + (subs.equals("1") ? " subscriber" : " subscribers"), labels, scores);
        }
        // a logarithmic bar chart needs a positive base: the power of ten below the smallest bar
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        Files.createDirectories(png.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }

    private static String shortName(String peer) {
        String name = PeerNames.of(peer).replace("`", "");
        int paren = name.indexOf(" (");
        return paren > 0 ? name.substring(0, paren) : name;
    }
}
