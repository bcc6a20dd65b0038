package ai.cleveragents.events.json;

/**
 * Thrown when input cannot be decoded into a {@link ai.cleveragents.events.DomainEvent}: malformed or
 * truncated JSON, a missing or unknown field, a field of the wrong type, an unknown event type, an
 * invalid value, or input larger than the codec's limit. The message says what is wrong and where
 * (field name, and line and column or JSON Lines line number). Nothing is ever partially decoded.
 */
public class EventCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     * @param cause   the underlying parser error, or {@code null}
     */
    public EventCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
