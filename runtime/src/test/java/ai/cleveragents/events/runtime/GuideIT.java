package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * Runs {@code docs/getting-started.md}: every {@code $} line of its {@code console} blocks, from the
 * repository root through {@code ./run} against the built distribution, and checks that each line
 * written under it appears in the output ({@code ...} matching any text). A step whose expected output
 * holds a {@code gogo:} error line or an exception line must exit with 1, every other with 0.
 */
public class GuideIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    /** One {@code $} line and the lines documented under it. */
    record Step(String command, List<String> expected) {

        boolean expectsFailure() {
            return expected.stream().anyMatch(line -> line.startsWith("gogo: ")
                    || ReportedFailures.EXCEPTION_LINE.matcher(line).matches());
        }
    }

    static List<Step> steps(List<String> markdown) {
        List<Step> steps = new ArrayList<>();
        boolean inConsole = false;
        for (String line : markdown) {
            if (line.startsWith("```")) {
                inConsole = line.equals("```console");
            } else if (inConsole && line.startsWith("$ ")) {
                steps.add(new Step(line.substring(2), new ArrayList<>()));
            } else if (inConsole && !line.isBlank()) {
                steps.get(steps.size() - 1).expected().add(line.stripTrailing());
            }
        }
        return steps;
    }

    static Pattern glob(String expected) {
        StringBuilder regex = new StringBuilder();
        for (String part : expected.split(Pattern.quote("..."), -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    @Test
    public void globsMatchAnyTextInPlaceOfDots() {
        assertTrue(glob("emitted ... on reactive").matcher("emitted plan.created 01M on reactive").matches());
        assertFalse(glob("emitted ... on reactive").matcher("emitted plan.created 01M on logging").matches());
        assertEquals(List.of(new Step("a", List.of("out")), new Step("b", List.of())),
                steps(List.of("```console", "$ a", "out", "```", "$ not run", "```console", "$ b", "```")));
    }

    @Test
    public void theGettingStartedGuideIsTrue() throws Exception {
        List<Step> steps = steps(Files.readAllLines(ROOT.resolve("docs/getting-started.md")));
        assertTrue("the guide has steps", steps.size() >= 5);
        Path example = ROOT.resolve("runtime/target/dist/deploy/ai.cleveragents.events.examples.subscriber-1.0.0-SNAPSHOT.jar");
        try {
            for (Step step : steps) {
                check(step);
            }
        } finally {
            Files.deleteIfExists(example);
        }
    }

    private static void check(Step step) throws IOException, InterruptedException {
        try (ChildRuntime child = ChildRuntime.start(List.of("sh", "-c", step.command()), ROOT,
                Map.of("CLEVERAGENTS_NO_BUILD", "1"))) {
            int status = child.awaitExit(ChildRuntime.TIMEOUT);
            String output = child.stdout() + child.stderr();
            assertEquals(step.command() + "\n" + output, step.expectsFailure() ? 1 : 0, status);
            List<String> lines = output.lines().toList();
            for (String expected : step.expected()) {
                Pattern pattern = glob(expected);
                assertTrue("'" + expected + "' not in the output of " + step.command() + ":\n" + output,
                        lines.stream().anyMatch(line -> pattern.matcher(line).matches()));
            }
        }
    }
}
