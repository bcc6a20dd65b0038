package ai.cleveragents.events.operations.internal;

/** Thrown by {@code events:health} when a check failed, so {@code -c} exits with status 1. */
final class UnhealthyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnhealthyException(String failures) {
        super("unhealthy: " + failures);
    }
}
