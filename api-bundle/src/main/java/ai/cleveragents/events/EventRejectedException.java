package ai.cleveragents.events;

/**
 * Thrown by {@link EventBus#emit} when the bus cannot accept an event: it is closed, or its
 * write-ahead journal refused the write. The event has not been delivered to anyone.
 */
public class EventRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an event was rejected. */
    public enum Reason {
        /** The bus has been closed (its bundle stopped or its component deactivated). */
        CLOSED,
        /** The journal could not make the event durable (for example a full or read-only disk). */
        JOURNAL_FAILURE
    }

    private final Reason reason;

    /**
     * @param reason  why
     * @param message what happened, for a person
     * @param cause   the underlying failure, or {@code null}
     */
    public EventRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * @return why the event was rejected
     */
    public Reason reason() {
        return reason;
    }
}
