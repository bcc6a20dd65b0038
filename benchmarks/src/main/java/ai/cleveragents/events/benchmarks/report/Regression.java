package ai.cleveragents.events.benchmarks.report;

import java.util.Locale;

/**
 * Each target cell of this run against the previous {@code ./bench} run's results: the change, and
 * whether it can be told from noise (the two 99.9 % intervals do not overlap).
 */
final class Regression {

    private Regression() {
    }

    /**
     * @param now      this run
     * @param previous the previous run, or {@code null} if there is none
     * @param when     when the previous run was made, as the report prints it
     * @return the Markdown section
     */
    static String render(JmhResults now, JmhResults previous, String when) {
        String title = "### Change against the previous run\n\n";
        if (previous == null) {
            return title + "No previous results (`benchmarks/results/previous/` is empty): nothing to compare.\n\n";
        }
        MarkdownTable t = new MarkdownTable("target cell", "previous", "this run", "change", "reading");
        for (TargetCells.Cell cell : TargetCells.ALL) {
            Estimate before = cell.find().apply(previous);
            Estimate after = cell.find().apply(now);
            if (before.missing() && after.missing()) {
                continue;
            }
            t.row(cell.label(), before.format(Numbers::rate), after.format(Numbers::rate), change(before, after),
                    reading(before, after));
        }
        return title + "Previous run: " + when + ". Scores with their 99.9 % intervals; a change counts only "
                + "when the intervals do not overlap.\n\n" + t + "\n";
    }

    private static String change(Estimate before, Estimate after) {
        if (before.missing() || after.missing()) {
            return Numbers.NONE;
        }
        return String.format(Locale.ROOT, "%+.0f %%", 100 * (after.score() / before.score() - 1));
    }

    private static String reading(Estimate before, Estimate after) {
        if (before.missing() || after.missing()) {
            return "not measured in both";
        }
        if (before.overlaps(after)) {
            return "within noise";
        }
        return after.score() > before.score() ? "faster" : "**slower**";
    }
}
