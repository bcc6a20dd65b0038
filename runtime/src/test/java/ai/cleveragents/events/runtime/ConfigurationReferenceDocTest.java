package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

/**
 * {@code docs/reference/configuration.md} holds, between its markers, exactly the configuration reference
 * the bundles' metatype gives ({@link ConfigurationReference}): a PID, property, type, default or allowed
 * value added, removed or changed in code without the page fails the build.
 */
public class ConfigurationReferenceDocTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    @Test
    public void theReferenceIsWhatTheMetatypeDeclares() throws IOException {
        String expected = ConfigurationReference.fromClassPath();
        for (String pid : new String[] {"bus.reactive", "bus.logging", "redaction", "services.plan", "services.decision",
                "bridge.eventadmin", "bridge.kafka"}) {
            assertTrue("no metatype for " + pid + " on the class path",
                    expected.contains("### `" + ConfigurationReference.PID_PREFIX + "." + pid + "`"));
        }
        String page = Files.readString(ROOT.resolve("docs/reference/configuration.md"), StandardCharsets.UTF_8);
        int begin = page.indexOf(ConfigurationReference.BEGIN);
        int end = page.indexOf(ConfigurationReference.END);
        assertTrue("the page lacks its markers", begin >= 0 && end > begin);
        String documented = page.substring(begin + ConfigurationReference.BEGIN.length() + 1, end);
        if (!documented.equals(expected)) {
            Path wanted = Path.of("target", "configuration-reference.md");
            Files.createDirectories(wanted.getParent());
            Files.writeString(wanted, expected, StandardCharsets.UTF_8);
            assertEquals("docs/reference/configuration.md differs from the metatype; the expected text is in " + wanted.toAbsolutePath(),
                    expected, documented);
        }
    }
}
