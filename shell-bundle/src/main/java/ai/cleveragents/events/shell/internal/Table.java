package ai.cleveragents.events.shell.internal;

import java.util.ArrayList;
import java.util.List;

import ai.cleveragents.events.dispatch.redaction.TerminalText;

/**
 * A plain-text table: a header row and rows, each column as wide as its widest cell, columns two spaces
 * apart, no trailing spaces. Not thread-safe.
 */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /**
     * @param headers the column titles
     */
    Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    /**
     * @param cells one value per column, rendered with {@link String#valueOf(Object)} and
     *              {@linkplain TerminalText#escape escaped} (no cell can break a line or drive the terminal)
     * @return this table
     * @throws IllegalArgumentException if the number of cells is not the number of columns
     */
    Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = TerminalText.escape(String.valueOf(cells[i]));
        }
        rows.add(row);
        return this;
    }

    /** @return the number of rows, the header excluded */
    int size() {
        return rows.size() - 1;
    }

    /** @return the rendered table, one line per row, each ending with a newline */
    String render() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
