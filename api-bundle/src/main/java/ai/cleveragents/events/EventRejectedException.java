package ai.cleveragents.events;

/**
 * Thrown by {@link EventBus#emit} when the bus cannot accept an event: it is closed, its write-ahead
 * journal refused the write, or the event is too large to be journalled. The event has not been
 * delivered to anyone and, unless the reason is {@link Reason#JOURNAL_FAILURE} under durability
 * {@code none}, is not in the journal.
 */
public class EventRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an event was rejected. */
    public enum Reason {
        /** The bus has been closed (its bundle stopped or its component deactivated). */
        CLOSED,
        /** The journal could not make the event durable (for example a full or read-only disk). */
        JOURNAL_FAILURE,
        /**
         * The event's encoded form exceeds {@link EventLimits#MAX_EVENT_BYTES}, so the journal could not
         * read it back; retrying cannot help. The message names the size and the limit.
         *
         * @since 1.1
         */
        TOO_LARGE,
        /**
         * Thrown to a handler that emits while an event is being delivered, when handlers have already
         * emitted {@code 1000} events during the delivery of one event emitted from outside a handler:
         * the cascade stops here (a handler re-emitting without end). Counted and logged naming the
         * handler.
         *
         * @since 1.1
         */
        CASCADE_LIMIT
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
