package ai.cleveragents.events.bus.reactive.internal.journal;

/**
 * Thrown by {@link Journal#append} when an event could not be made durable: the journal is closed, a
 * write failed (for example a full or read-only disk), or an earlier {@code fsync} failed. The caller
 * must treat the event as not written and must not dispatch it.
 *
 * <p>A failed write is undone (the segment is truncated back) and later appends may succeed once the
 * cause is gone. A failed {@code fsync} is final: the state of the file is then unknown, so the
 * journal refuses every later append; events of the failed batch may or may not be found after a
 * restart.
 */
public class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the file or directory
     * @param cause   the underlying failure, or {@code null}
     */
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
