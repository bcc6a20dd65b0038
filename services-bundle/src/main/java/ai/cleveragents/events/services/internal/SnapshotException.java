package ai.cleveragents.events.services.internal;

/** A snapshot that cannot be read, written or used; the message names the file and what is wrong. */
final class SnapshotException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SnapshotException(String message) {
        super(message, null, false, false);
    }
}
