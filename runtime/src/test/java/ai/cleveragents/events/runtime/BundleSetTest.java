package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BundleSetTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path file(String name) throws IOException {
        Path file = tmp.getRoot().toPath().resolve(name);
        Files.createDirectories(file.getParent());
        return Files.createFile(file);
    }

    @Test
    public void jarsComeByLevelThenName() throws IOException {
        Path b = file("bundle/10/b.jar");
        Path a2 = file("bundle/2/a.jar");
        Path c2 = file("bundle/2/c.jar");
        file("bundle/2/README.md");
        Path z1 = file("bundle/1/z.jar");
        List<BundleSet.Entry> entries = BundleSet.scan(tmp.getRoot().toPath().resolve("bundle"));
        assertEquals(List.of(new BundleSet.Entry(1, z1), new BundleSet.Entry(2, a2), new BundleSet.Entry(2, c2),
                new BundleSet.Entry(10, b)), entries);
    }

    @Test
    public void folderThatIsNoLevelIsRejected() throws IOException {
        file("bundle/extra/x.jar");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BundleSet.scan(tmp.getRoot().toPath().resolve("bundle")));
        assertTrue(e.getMessage(), e.getMessage().endsWith("is not a start level (1, 2, ...)"));
    }
}
