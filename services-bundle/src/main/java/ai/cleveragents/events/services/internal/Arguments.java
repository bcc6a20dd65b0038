package ai.cleveragents.events.services.internal;

/** Checks of caller-supplied strings, with messages naming the argument. */
final class Arguments {

    private Arguments() {
    }

    /**
     * @return {@code value}
     * @throws IllegalArgumentException if it is {@code null} or blank
     */
    static String requireText(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required (got null)");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
