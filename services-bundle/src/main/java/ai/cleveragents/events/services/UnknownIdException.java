package ai.cleveragents.events.services;

/**
 * Thrown when an id names no plan or decision the service knows: it was never created, or it was
 * finished and has since been evicted from memory (see the services' retention configuration).
 * Nothing was emitted and nothing changed.
 */
public class UnknownIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    /**
     * @param kind what the id should name, for example {@code plan} or {@code decision}
     * @param id   the id that names nothing
     */
    public UnknownIdException(String kind, String id) {
        super("unknown " + kind + " id '" + id + "': never created here, or finished and no longer retained");
        this.kind = kind;
        this.id = id;
    }

    /**
     * @return what the id should name, for example {@code plan} or {@code decision}
     */
    public String kind() {
        return kind;
    }

    /**
     * @return the unknown id
     */
    public String id() {
        return id;
    }
}
