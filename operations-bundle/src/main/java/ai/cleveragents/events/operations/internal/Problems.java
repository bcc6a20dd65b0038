package ai.cleveragents.events.operations.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;

/**
 * The runtime's problems as operators see them: each is logged as one line and the latest is kept for
 * {@code events:health}. Thread-safe.
 */
final class Problems {

    /**
     * The latest problem.
     *
     * @param time   when it was reported
     * @param source who reported it (a bundle's symbolic name, or {@code configuration})
     * @param line   the one-line text
     */
    record Problem(Instant time, String source, String line) {

        @Override
        public String toString() {
            return time + " " + source + ": " + line;
        }
    }

    private final AtomicReference<Problem> last = new AtomicReference<>();

    /**
     * Logs an error line and remembers it as the latest problem.
     *
     * @param log    where it is logged
     * @param source who reported it
     * @param line   the one-line text, already free of control characters
     */
    void error(Logger log, String source, String line) {
        log.error(line);
        remember(source, line);
    }

    /**
     * Remembers a problem already logged elsewhere.
     *
     * @param source who reported it
     * @param line   the one-line text
     */
    void remember(String source, String line) {
        last.set(new Problem(Instant.now(), source, line));
    }

    /** @return the latest problem, if any since the bundle started */
    Optional<Problem> last() {
        return Optional.ofNullable(last.get());
    }
}
