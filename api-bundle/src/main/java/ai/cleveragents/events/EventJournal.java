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
     * Subscribes a handler to every event of the given types from a position in the journal on, then to
     * the events written after it: a <em>catch-up subscription</em>. The handler first receives the
     * events already in the journal from {@code from}, then each new event once it is durable, with no gap
     * and no duplicate between the two phases, even while other threads emit: both phases read the same
     * journal, in its order, with one cursor.
     *
     * <p><b>Delivery.</b> One thread of the subscription's own calls the handler, one event at a time, in
     * journal order (the order of the journal's sequence numbers, which for the events of one emitting
     * thread is their emission order). Events arrive only once they are durable under the journal's
     * durability policy, so a catch-up handler never sees an event whose emit failed. The events are read
     * back from the journal: with redaction at rest on, sensitive detail values arrive masked, as in
     * {@link #replayFrom}. Emitters never wait for catch-up handlers; a slow handler only falls behind. A
     * handler that throws is logged (rate-limited) and the next event follows. Events in lines that are not
     * readable records are skipped, as in replays; events deleted by retention before the subscription
     * reached them are missed (logged once).
     *
     * <p>The subscription ends when closed, or when the journal closes (its bus stops or moves to another
     * journal); {@link Subscription#isActive()} then turns {@code false}. {@link Subscription#close()}
     * waits (up to 5 s) for a delivery in progress on the subscription's thread to return, unless called
     * from the handler itself.
     *
     * @param from    where to start; an {@link JournalPosition.Kind#AT_EVENT} or
     *                {@link JournalPosition.Kind#AFTER_EVENT} position must name an event in the journal; a
     *                {@link JournalPosition.Kind#SINCE} position with no event at or after its instant yet
     *                starts with the next event written at or after it
     * @param types   the types to deliver; empty for all
     * @param handler the handler
     * @return the subscription, active until closed or until the journal closes
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code from} names an event that is not in the journal; the
     *                                  message names the id and the journal
     * @throws IllegalStateException    if the journal is closed
     * @throws java.io.UncheckedIOException if the journal cannot be read
     * @since 1.1
     */
    Subscription subscribeFrom(JournalPosition from, Set<EventType> types, EventHandler handler);

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
