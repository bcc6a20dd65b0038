package ai.cleveragents.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the durable audit journal a bus writes ahead of dispatch. Thread-safe; reading never blocks
 * writers, and a replay started while events are being written sees at least every event that was
 * durable when it started.
 *
 * <p>Streams hold open files: close them (try-with-resources). A line that is not a readable record is
 * skipped by replays (and reported by {@link #verify()}); it is never deleted.
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

    /**
     * Reads the whole journal and checks it: segment sequence, record sequence numbers, each record's
     * hash and its link to the previous record, and that every complete line is a record. Runs
     * concurrently with appends and sees at least the records durable when it starts. Reads every
     * segment, so it takes time proportional to the journal's size.
     *
     * @return the report; {@link JournalReport#isClean()} when nothing is wrong
     * @throws java.io.UncheckedIOException if the journal directory cannot be listed
     * @since 1.1
     */
    JournalReport verify();

    /**
     * The problems found cheaply when the journal was opened, without reading every record: missing
     * segments, sequence gaps between consecutive segments, complete lines at the end of the last
     * segment that are not records. Use {@link #verify()} for a full check.
     *
     * @return the problems, empty when none was found
     * @since 1.1
     */
    List<JournalProblem> knownProblems();
}
