package ai.cleveragents.events.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The runtime's console socket, {@code data/console.sock}: a Unix-domain socket that only its owner may
 * use. The runtime sets its mode to 0600; a client refuses a socket owned by someone else or open to
 * other users, so it never sends commands to (or reads output from) a runtime it does not own.
 */
final class ConsoleSocket {

    /** The socket's file name in {@code data/}. */
    static final String FILE_NAME = "console.sock";
    static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private ConsoleSocket() {
    }

    /**
     * @param dataDir the runtime's {@code data} folder
     * @return the socket's path
     */
    static Path in(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * @param socket the socket file
     * @throws IOException if its attributes cannot be read
     * @throws IllegalStateException if it is not owned by this process's user or is open to other users
     */
    static void checkOwnerOnly(Path socket) throws IOException {
        String owner = Files.getOwner(socket).getName();
        String me = System.getProperty("user.name");
        if (!owner.equals(me)) {
            throw new IllegalStateException("refusing to attach: " + socket + " belongs to " + owner + ", not " + me);
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(socket);
        if (!OWNER_ONLY.containsAll(mode)) {
            throw new IllegalStateException("refusing to attach: " + socket + " is open to other users (mode "
                    + PosixFilePermissions.toString(mode) + ", expected rw-------)");
        }
    }
}
