package ai.cleveragents.events.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundles of the distribution: every {@code bundle/<start level>/*.jar}, lowest level first, by file
 * name within a level.
 */
final class BundleSet {

    /**
     * A bundle file and the start level it starts at.
     *
     * @param level the start level, at least 1
     * @param jar   the bundle file
     */
    record Entry(int level, Path jar) {
    }

    private BundleSet() {
    }

    /**
     * @param bundleDir the {@code bundle} folder
     * @return the bundles in install order
     * @throws IOException if the folder cannot be listed
     * @throws IllegalArgumentException if a sub-folder is not a positive number
     */
    static List<Entry> scan(Path bundleDir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> levels = Files.list(bundleDir)) {
            for (Path dir : levels.filter(Files::isDirectory).sorted().toList()) {
                int level = parseLevel(dir);
                try (Stream<Path> jars = Files.list(dir)) {
                    jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                            .forEach(jar -> entries.add(new Entry(level, jar)));
                }
            }
        }
        entries.sort((a, b) -> Integer.compare(a.level(), b.level()));
        return entries;
    }

    private static int parseLevel(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.matches("[1-9][0-9]{0,3}")) {
            throw new IllegalArgumentException("bundle folder '" + dir + "' is not a start level (1, 2, ...)");
        }
        return Integer.parseInt(name);
    }
}
