package ai.cleveragents.events.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the temporary directories the benchmarks create. */
public final class TempFiles {

    private TempFiles() {
    }

    /**
     * Deletes a directory and everything under it.
     *
     * @param root the directory
     * @throws UncheckedIOException if it cannot be listed
     */
    public static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
