package ai.cleveragents.events.runtime;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the log folder owner-only before anything logs into it, like the journal: the folder
 * {@code rwx------}, every file in it {@code rw-------}, and {@value #LOG_FILE} created empty with that
 * mode if absent (Logback appends to it and keeps the mode). Files Logback creates later (a rolled
 * file) are protected by the folder's mode, and by the {@code umask 077} of {@code bin/cleveragents-events}.
 * On a file system without POSIX permissions nothing is changed.
 */
final class LogFolder {

    /** The log file of {@code conf/logback.xml}. */
    static final String LOG_FILE = "runtime.log";

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private LogFolder() {
    }

    /**
     * @param folder the log folder, {@code data/log} of the distribution
     * @throws IOException if it cannot be created or its modes cannot be set
     */
    static void secure(Path folder) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder);
            return;
        }
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        Files.setPosixFilePermissions(folder, FOLDER);
        Path log = folder.resolve(LOG_FILE);
        if (!Files.exists(log)) {
            Files.createFile(log, PosixFilePermissions.asFileAttribute(FILE));
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.setPosixFilePermissions(file, FILE);
                }
            }
        }
    }
}
