package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class RuntimeConfigTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path home(String config) throws IOException {
        Path home = tmp.getRoot().toPath();
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/config.properties"), config);
        return home;
    }

    @Test
    public void placeholdersResolveFromHomeFileAndSystemProperties() throws IOException {
        Path home = home("cache=${cleveragents.home}/data\nnested=${cache}/x\nuser=${who}\nmissing=[${nope}]\n");
        Properties system = new Properties();
        system.setProperty("who", "me");
        Map<String, String> config = RuntimeConfig.load(home, system);
        assertEquals(home + "/data", config.get("cache"));
        assertEquals(home + "/data/x", config.get("nested"));
        assertEquals("me", config.get("user"));
        assertEquals("[]", config.get("missing"));
        assertEquals(home.toString(), config.get(RuntimeConfig.HOME));
    }

    @Test
    public void systemPropertyOverridesTheFile() throws IOException {
        Path home = home("felix.log.level=1\n");
        Properties system = new Properties();
        system.setProperty("felix.log.level", "4");
        assertEquals("4", RuntimeConfig.load(home, system).get("felix.log.level"));
    }

    @Test
    public void cyclicPlaceholdersAreRejected() throws IOException {
        Path home = home("a=${b}\nb=${a}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeConfig.load(home, new Properties()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("placeholders nested too deep in '$"));
    }
}
