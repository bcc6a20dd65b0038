package ai.cleveragents.events.bus.reactive.internal.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.json.EventCodec;

/**
 * The catch-up side of a {@link Journal}: starts {@link JournalFollower}s and gives them what they read
 * (the readable end, the extents from a position, a wake-up when the journal grows). Thread-safe.
 */
final class CatchUpReader implements JournalFollower.Source {

    private final Path directory;
    private final EventCodec codec;
    private final DurableSignal signal;
    private final LongSupplier readable;
    private final BooleanSupplier closed;
    private final Supplier<List<ReplayCursor.Extent>> snapshot;
    private final LongFunction<ReplayCursor.Extent> active;

    /**
     * @param directory the journal directory, for messages
     * @param codec     decodes lines
     * @param signal    raised by the journal when {@code readable} advances or it closes
     * @param readable  the sequence number of the last record a follower may deliver
     * @param closed    whether the journal is closed
     * @param snapshot  the extents holding every record written so far, in order
     * @param active    the active segment's extent if its sequence is the one given, else {@code null}
     */
    CatchUpReader(Path directory, EventCodec codec, DurableSignal signal, LongSupplier readable, BooleanSupplier closed,
            Supplier<List<ReplayCursor.Extent>> snapshot, LongFunction<ReplayCursor.Extent> active) {
        this.directory = directory;
        this.codec = codec;
        this.signal = signal;
        this.readable = readable;
        this.closed = closed;
        this.snapshot = snapshot;
        this.active = active;
    }

    /** @see Journal#resume */
    Subscription resume(Checkpoint checkpoint, Set<EventType> types, EventHandler handler, CatchUpProgress progress) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(progress, "progress");
        checkArguments(types, handler);
        return start(CatchUpStart.after(checkpoint, snapshot.get(), codec, directory), types, handler, progress);
    }

    /** @see Journal#subscribeFrom(JournalPosition, Set, EventHandler, CatchUpProgress) */
    Subscription subscribe(JournalPosition from, Set<EventType> types, EventHandler handler, CatchUpProgress progress) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(progress, "progress");
        checkArguments(types, handler);
        return start(CatchUpStart.of(from, snapshot.get(), codec, directory), types, handler, progress);
    }

    private static void checkArguments(Set<EventType> types, EventHandler handler) {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(handler, "handler");
    }

    private Subscription start(CatchUpStart start, Set<EventType> types, EventHandler handler, CatchUpProgress progress) {
        if (closed.getAsBoolean()) {
            throw new IllegalStateException("journal " + directory + " is closed");
        }
        return JournalFollower.start(this, start, types, handler, progress, codec);
    }

    @Override
    public long readableSequence() {
        return readable.getAsLong();
    }

    @Override
    public List<ReplayCursor.Extent> extentsFrom(long segment, long offset) {
        ReplayCursor.Extent current = active.apply(segment);
        if (current != null) {
            return List.of(new ReplayCursor.Extent(current.path(), segment, Math.min(offset, current.end()), current.end()));
        }
        List<ReplayCursor.Extent> result = new ArrayList<>();
        for (ReplayCursor.Extent e : snapshot.get()) {
            if (e.sequence() == segment) {
                result.add(new ReplayCursor.Extent(e.path(), e.sequence(), Math.min(offset, e.end()), e.end()));
            } else if (e.sequence() > segment) {
                result.add(e);
            }
        }
        return result;
    }

    @Override
    public void awaitBeyond(long sequence, BooleanSupplier stop, long timeoutMillis) throws InterruptedException {
        signal.await(() -> readable.getAsLong() > sequence || closed.getAsBoolean() || stop.getAsBoolean(),
                timeoutMillis);
    }

    @Override
    public void wake() {
        signal.advanced();
    }

    @Override
    public boolean isClosed() {
        return closed.getAsBoolean();
    }
}
