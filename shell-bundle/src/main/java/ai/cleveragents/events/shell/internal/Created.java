package ai.cleveragents.events.shell.internal;

/**
 * What {@code plan:create} and {@code decision:record} return: the created object and its id, printed as
 * the command's table ({@link CreatedConverter}), so a Gogo script can go on with it:
 * {@code p = plan:create …; plan:execute ($p id)}.
 */
public final class Created {

    private final String id;
    private final Object value;
    private final String text;

    Created(String id, Object value, String text) {
        this.id = id;
        this.value = value;
        this.text = text;
    }

    /** @return the id of the created plan or decision ({@code $p id} in Gogo) */
    public String id() {
        return id;
    }

    /** @return the created {@code Plan} or {@code Decision} ({@code $p value} in Gogo) */
    public Object value() {
        return value;
    }

    /** @return the table the command prints: {@code echo $p} shows it too */
    @Override
    public String toString() {
        return text;
    }
}
