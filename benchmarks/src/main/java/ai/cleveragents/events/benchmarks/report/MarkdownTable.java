package ai.cleveragents.events.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown pipe table; first column left-aligned, the others right-aligned. */
final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    MarkdownTable row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        sb.append("|:---");
        sb.append("|---:".repeat(header.size() - 1)).append("|\n");
        rows.forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append('|');
        cells.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append('\n');
    }
}
