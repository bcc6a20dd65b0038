package ai.cleveragents.events;

/**
 * The limits of what one {@link DomainEvent} may hold: the one definition shared by
 * {@link DomainEvent} validation, the JSON encoder and the JSON decoder, so that every event a bus
 * accepts can be written to the journal and read back from it.
 *
 * <ul>
 * <li>{@link #MAX_KEY_LENGTH}, {@link #MAX_NUMBER_LENGTH} and {@link #MAX_DEPTH} are checked when an
 * event is built: a detail beyond them fails with an {@link IllegalArgumentException} naming the
 * detail and the limit.</li>
 * <li>{@link #MAX_EVENT_BYTES} is checked when an event is encoded, the only point where its size is
 * known: the encoder refuses a larger event, and a bus with a journal refuses it at {@code emit} with
 * {@link EventRejectedException.Reason#TOO_LARGE}.</li>
 * </ul>
 *
 * @since 1.1
 */
public final class EventLimits {

    /** The largest encoded event, in UTF-8 bytes of its single-line JSON form: 1 MiB. */
    public static final int MAX_EVENT_BYTES = 1 << 20;

    /** The longest detail key, in {@code char}s, at any depth. */
    public static final int MAX_KEY_LENGTH = 10_000;

    /**
     * The longest detail number, in characters of its JSON text ({@link java.math.BigInteger} and
     * {@link java.math.BigDecimal} values can be longer than that; {@code Long} and {@code Double} never are).
     */
    public static final int MAX_NUMBER_LENGTH = 1_000;

    /**
     * How deep maps and lists may nest in the details, the details map itself being level 1 (the event
     * object around it makes one more level in JSON).
     */
    public static final int MAX_DEPTH = 63;

    private EventLimits() {
    }
}
