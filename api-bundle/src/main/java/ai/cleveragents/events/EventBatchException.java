package ai.cleveragents.events;

/**
 * Thrown by {@link EventBus#emitAll} when not every event of a batch was emitted. The events are
 * emitted in list order and a failure stops the batch, so the outcome is a prefix: the first
 * {@link #accepted()} events were emitted exactly as {@link EventBus#emit} emits one (recorded by the
 * journal per its durability policy, then delivered); the others were delivered to no one and are
 * not acknowledged. {@link #reason()} and the cause tell why the first of them was refused.
 *
 * @since 1.1
 */
public class EventBatchException extends EventRejectedException {

    private static final long serialVersionUID = 1L;

    private final int accepted;
    private final int size;

    /**
     * @param accepted how many events, from the first, were emitted
     * @param size     how many events the batch held
     * @param cause    why the event at index {@code accepted} (or, for a failure that covers several
     *                 events, the first event not acknowledged) was refused
     * @throws IllegalArgumentException if {@code accepted} is not in {@code [0, size)}
     */
    public EventBatchException(int accepted, int size, EventRejectedException cause) {
        super(cause.reason(), "batch of " + size + " event(s): " + accepted + " emitted, the rest refused: "
                + cause.getMessage(), cause);
        if (accepted < 0 || accepted >= size) {
            throw new IllegalArgumentException("accepted must be in [0, " + size + "): " + accepted);
        }
        this.accepted = accepted;
        this.size = size;
    }

    /** @return how many events of the batch, from the first, were emitted (durable per policy, delivered) */
    public int accepted() {
        return accepted;
    }

    /** @return how many events the batch held */
    public int size() {
        return size;
    }
}
