package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.Emitters;
import ai.cleveragents.events.json.EventCodec;

/** Builds settings and events for journal tests and reads journals back. */
final class JournalFixture {

    private static final EventType[] TYPES = {EventType.PLAN_CREATED, EventType.DECISION_CREATED,
        EventType.TOOL_INVOKED};

    private JournalFixture() {
    }

    static JournalSettings settings(Path dir, Durability durability) {
        return new JournalSettings(dir, durability, 2, 64, JournalSettings.DEFAULT_SEGMENT_MAX_BYTES, Duration.ZERO,
                0);
    }

    /**
     * @return an event of one of three types (by {@code n}), carrying {@code n} in its details, stamped
     *         now with nine fraction digits, so its record is never shorter than one with a larger
     *         {@code n} (segment sizes in tests are computed from the last event's record)
     */
    static DomainEvent event(int n) {
        return DomainEvent.builder(TYPES[n % TYPES.length]).planId("p-" + n).detail("n", n)
                .timestamp(Instant.ofEpochSecond(Instant.now().getEpochSecond(), 123_456_789)).build();
    }

    /** @return the length of the journal line recording {@code event} as record {@code seq}, line feed included */
    static long recordLength(DomainEvent event, long seq) {
        return new RecordChain(seq - 1, null).seal(RecordFormat.ascii(Emitters.UNKNOWN),
                new EventCodec().encodeToBytes(event)).line().length;
    }

    static List<String> ids(Stream<DomainEvent> events) {
        try (events) {
            return events.map(DomainEvent::eventId).collect(Collectors.toList());
        }
    }

    /** @return the ids of every event in the journal at {@code dir}, read by a freshly opened journal */
    static List<String> reopenAndReadIds(Path dir, Durability durability) {
        try (Journal journal = Journal.open(settings(dir, durability))) {
            return ids(journal.replaySince(Instant.EPOCH, Set.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
