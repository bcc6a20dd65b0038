package ai.cleveragents.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;

/**
 * Keeps {@code docs/reference/events.md} and {@link EventType} in step: the Markdown table must list
 * every id, once, in declaration order, with its domain and a meaning. The path comes from the
 * {@code events.catalog} system property (set by the build), relative to the module directory.
 */
public class EventCatalogDocTest {

    private static final String HEADER = "| id | domain | meaning |";

    private static Path catalog() {
        return Paths.get(System.getProperty("events.catalog", "../docs/reference/events.md"));
    }

    /** One parsed table row. */
    private record Row(int line, String id, String domain, String meaning) {
    }

    static List<Row> parseTable(List<String> lines) {
        int start = lines.indexOf(HEADER);
        if (start < 0 || start + 1 >= lines.size() || !lines.get(start + 1).matches("\\|(\\s*-+\\s*\\|){3}")) {
            fail("no table headed '" + HEADER + "' followed by a separator row");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i);
            String[] cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|", -1);
            if (cells.length != 3) {
                fail("line " + (i + 1) + ": expected 3 cells, got " + cells.length + ": " + line);
            }
            rows.add(new Row(i + 1, cells[0].trim().replace("`", ""), cells[1].trim(), cells[2].trim()));
        }
        return rows;
    }

    @Test
    public void theTableListsEveryTypeOnceInDeclarationOrder() throws IOException {
        List<Row> rows = parseTable(Files.readAllLines(catalog(), StandardCharsets.UTF_8));
        List<String> documented = new ArrayList<>();
        for (Row r : rows) {
            documented.add(r.id());
        }
        Set<String> missing = new LinkedHashSet<>(EventType.ids());
        missing.removeAll(documented);
        Set<String> extra = new LinkedHashSet<>(documented);
        extra.removeAll(EventType.ids());
        Set<String> once = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String id : documented) {
            if (!once.add(id)) {
                repeated.add(id);
            }
        }
        assertTrue(catalog() + " lacks " + missing, missing.isEmpty());
        assertTrue(catalog() + " lists unknown ids " + extra, extra.isEmpty());
        assertTrue(catalog() + " lists more than once " + repeated, repeated.isEmpty());
        assertEquals(catalog() + " must list the ids in EventType declaration order",
                List.copyOf(EventType.ids()), documented);
    }

    @Test
    public void everyRowHasTheRightDomainAndAMeaning() throws IOException {
        for (Row r : parseTable(Files.readAllLines(catalog(), StandardCharsets.UTF_8))) {
            assertEquals("line " + r.line() + " domain", EventType.fromId(r.id()).domain(), r.domain());
            assertTrue("line " + r.line() + " has no meaning", r.meaning().length() > 10);
        }
    }

    @Test
    public void theParserNoticesMissingExtraAndReorderedRows() {
        List<String> doc = List.of("# t", "", HEADER, "|---|---|---|", "| `plan.started` | plan | Began here. |",
                "| `plan.created` | plan | Created here. |", "", "| not | the | table |");
        List<Row> rows = parseTable(doc);
        assertEquals(2, rows.size());
        assertEquals("plan.started", rows.get(0).id());
        assertEquals(5, rows.get(0).line());
        assertEquals("Created here.", rows.get(1).meaning());
        assertThrows(AssertionError.class, () -> parseTable(List.of("| id | domain |", "|---|---|")));
        assertThrows(AssertionError.class, () -> parseTable(List.of(HEADER, "|---|---|---|", "| a | b |")));
    }
}
