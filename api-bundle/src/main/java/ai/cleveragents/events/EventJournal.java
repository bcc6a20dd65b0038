package ai.cleveragents.events;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the durable audit journal a bus writes ahead of dispatch. Thread-safe; reading never blocks
 * writers, and a replay started while events are being written sees at least every event that was
 * durable when it started.
 *
 * <p>Streams hold open files: close them (try-with-resources).
 */
@ProviderType
public interface EventJournal {

    /**
     * Replays events from the one with the given id (inclusive), in journal order.
     *
     * @param eventId the id to start at
     * @param types   the types to keep; empty for all
     * @return a lazily read stream; close it
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if no event with that id is in the journal
     * @throws java.io.UncheckedIOException if the journal cannot be read
     */
    Stream<DomainEvent> replayFrom(String eventId, Set<EventType> types);

    /**
     * Replays events whose timestamp is at or after {@code from}, in journal order.
     *
     * @param from  the earliest timestamp
     * @param types the types to keep; empty for all
     * @return a lazily read stream; close it
     * @throws NullPointerException if an argument is {@code null}
     * @throws java.io.UncheckedIOException if the journal cannot be read
     */
    Stream<DomainEvent> replaySince(Instant from, Set<EventType> types);

    /**
     * @return the id of the last durable event, or empty when the journal is empty
     */
    Optional<String> lastEventId();
}
