package ai.cleveragents.events.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Markdown file of which the generator owns only the part between {@value #START} and
 * {@value #END}; everything outside the markers (hand-written sections) is kept as it is.
 */
final class MarkedDocument {

    static final String START = "<!-- bench:start -->";
    static final String END = "<!-- bench:end -->";

    private MarkedDocument() {
    }

    /**
     * Replaces the generated part of {@code doc} with {@code generated}: between the markers if they
     * are there, otherwise appended at the end (or as a new file with a title).
     *
     * @param doc       the Markdown file
     * @param generated the new content between the markers
     * @throws IOException if the file cannot be read or written
     */
    static void replace(Path doc, String generated) throws IOException {
        String block = START + "\n" + generated.strip() + "\n" + END;
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Performance\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String updated;
        if (start >= 0 && end > start) {
            updated = text.substring(0, start) + block + text.substring(end + END.length());
        } else {
            updated = text.stripTrailing() + "\n\n" + block + "\n";
        }
        Files.createDirectories(doc.toAbsolutePath().getParent());
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }
}
