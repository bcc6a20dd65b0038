package ai.cleveragents.events.json;

/**
 * Thrown when an event's {@code event_type} is not one this version knows, typically because a newer
 * version wrote it. A {@linkplain EventCodec#tolerant() tolerant} {@link JsonLinesReader} skips such
 * lines and counts them ({@link JsonLinesReader#skippedEvents()}); a strict one reports them like any
 * other invalid line.
 *
 * @since 1.1
 */
public class UnknownEventTypeException extends EventCodecException {

    private static final long serialVersionUID = 1L;

    private final String eventType;

    /**
     * @param eventType the unknown type id
     * @param message   what is wrong and where
     */
    public UnknownEventTypeException(String eventType, String message) {
        super(message, null);
        this.eventType = eventType;
    }

    /** @return the unknown type id as read */
    public String eventType() {
        return eventType;
    }
}
