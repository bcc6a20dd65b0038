package ai.cleveragents.events.bus.reactive.internal.journal;

/**
 * Thrown by {@link Journal#appendAll} when not every event of a batch was made durable: the first
 * {@link #durable()} were (per the durability policy), the others must be treated as not written.
 * The cause is an {@link ai.cleveragents.events.json.EventCodecException} (an event the journal could
 * not read back; nothing of the batch was written) or a {@link JournalException}.
 */
public final class JournalBatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int durable;

    JournalBatchException(int durable, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.durable = durable;
    }

    /** @return how many events of the batch, from the first, are durable */
    public int durable() {
        return durable;
    }

    /** @return why the others are not */
    public RuntimeException failure() {
        return (RuntimeException) getCause();
    }
}
