package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.EventType;

public class ConsoleProfileTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theConsoleCompletesEveryEventTypeId() throws IOException {
        String profile = Files.readString(Path.of("src/main/dist/conf/jline/etc/gosh_profile"));
        Matcher m = Pattern.compile("(?m)^eventtypes = \\[(.*)]$").matcher(profile);
        assertTrue(profile, m.find());
        assertEquals(Arrays.stream(EventType.values()).map(EventType::id).toList(), List.of(m.group(1).split(" ")));
    }

    @Test
    public void onlyOneConsoleIsInstalled() {
        List<BundleSet.Entry> bundles = List.of(new BundleSet.Entry(3, Path.of("b/3/jline.jar")),
                new BundleSet.Entry(5, Path.of("b/5/" + ConsoleChoice.JLINE)),
                new BundleSet.Entry(5, Path.of("b/5/" + ConsoleChoice.PLAIN)));
        assertEquals(List.of(bundles.get(0), bundles.get(1)), ConsoleChoice.select(bundles, true));
        assertEquals(List.of(bundles.get(0), bundles.get(2)), ConsoleChoice.select(bundles, false));
    }

    @Test
    public void aRunOfCommandsStartsNeitherTheWebConsoleNorItsHttpService() {
        List<BundleSet.Entry> bundles = List.of(new BundleSet.Entry(3, Path.of("b/3/jline.jar")),
                new BundleSet.Entry(3, Path.of("b/3/org.apache.felix.http.jetty.jar")),
                new BundleSet.Entry(3, Path.of("b/3/org.apache.felix.http.servlet-api.jar")),
                new BundleSet.Entry(4, Path.of("b/4/ai.cleveragents.events.console.web.jar")));
        assertEquals(List.of(bundles.get(0)), ConsoleChoice.withoutWebConsole(bundles));
    }

    @Test
    public void theJLineConsoleGetsAnOwnerOnlyHistoryAndItsProfile() throws IOException {
        java.util.Map<String, String> properties = new java.util.HashMap<>();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try {
            Files.createDirectories(tmp.getRoot().toPath().resolve("data"));
            ConsoleChoice.prepareJLine(properties, tmp.getRoot().toPath());
            ConsoleChoice.prepareJLine(properties, tmp.getRoot().toPath());
            assertEquals(null, Thread.currentThread().getContextClassLoader());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        assertEquals("--login", properties.get("gosh.args"));
        assertEquals(tmp.getRoot().toPath().resolve("conf/jline").toString(), properties.get("gosh.home"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tmp.getRoot().toPath().resolve("data").resolve(ConsoleChoice.HISTORY))));
    }
}
