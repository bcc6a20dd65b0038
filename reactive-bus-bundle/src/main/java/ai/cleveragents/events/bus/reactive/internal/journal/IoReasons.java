package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason an I/O operation failed, in the words of the operating system ({@code Permission
 * denied}, {@code No space left on device}), for messages that already name the path: the JDK's file
 * exceptions often carry only the path as their message.
 */
final class IoReasons {

    private IoReasons() {
    }

    /** @return the reason, never {@code null} or only a path */
    static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
