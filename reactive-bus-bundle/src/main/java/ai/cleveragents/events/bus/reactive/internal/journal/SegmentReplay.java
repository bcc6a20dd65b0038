package ai.cleveragents.events.bus.reactive.internal.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.json.EventCodec;

/**
 * The reading side of a {@link Journal}: replays over a snapshot of the segments taken when the replay
 * starts, as lazily read streams. Thread-safe.
 */
final class SegmentReplay {

    private final Path directory;
    private final EventCodec codec;
    private final Supplier<List<ReplayCursor.Extent>> snapshot;

    /**
     * @param directory the journal directory, for messages
     * @param codec     decodes the lines
     * @param snapshot  gives the extents holding every event written so far, in order
     */
    SegmentReplay(Path directory, EventCodec codec, Supplier<List<ReplayCursor.Extent>> snapshot) {
        this.directory = directory;
        this.codec = codec;
        this.snapshot = snapshot;
    }

    /** @see Journal#replayFrom(String, Set) */
    Stream<DomainEvent> from(String eventId, Set<EventType> types) {
        Objects.requireNonNull(eventId, "eventId");
        Predicate<DomainEvent> typeFilter = typeFilter(types);
        List<ReplayCursor.Extent> extents = snapshot.get();
        EventLocator.Found found = new EventLocator(codec).find(extents, eventId);
        if (found != null) {
            return stream(new ReplayCursor(ReplayCursor.Extent.from(extents, found.index(), found.lineStart()), codec,
                    TypePrefilter.of(types)), typeFilter);
        }
        throw new IllegalArgumentException("no event with id " + eventId + " in journal " + directory);
    }

    /** @see Journal#replaySince(Instant, Set) */
    Stream<DomainEvent> since(Instant from, Set<EventType> types) {
        Objects.requireNonNull(from, "from");
        Predicate<DomainEvent> filter = typeFilter(types).and(e -> !e.timestamp().isBefore(from));
        return stream(new ReplayCursor(snapshot.get(), codec, TypePrefilter.of(types)), filter);
    }

    private static Predicate<DomainEvent> typeFilter(Set<EventType> types) {
        Set<EventType> wanted = Set.copyOf(Objects.requireNonNull(types, "types"));
        return wanted.isEmpty() ? e -> true : e -> wanted.contains(e.eventType());
    }

    private static Stream<DomainEvent> stream(ReplayCursor cursor, Predicate<DomainEvent> filter) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED
                | Spliterator.NONNULL), false).onClose(cursor::close).filter(filter);
    }
}
