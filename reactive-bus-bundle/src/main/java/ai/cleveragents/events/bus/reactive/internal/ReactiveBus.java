package ai.cleveragents.events.bus.reactive.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBatchException;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventStream;
import ai.cleveragents.events.dispatch.DispatchEngine;
import ai.cleveragents.events.dispatch.EmitStage;

/**
 * The reactive bus without its OSGi wiring: each event is appended to the journal (write-ahead, when
 * the journal is enabled), offered to the stream subscribers, then dispatched to the synchronous
 * handlers by the shared {@link DispatchEngine}. Thread-safe.
 */
final class ReactiveBus implements EmitStage {

    static final String NAME = "reactive";

    private final JournalStage journal;
    private final StreamPublisher stream;
    private final DispatchEngine engine;

    /**
     * @param journal the journal step, or {@code null} when the journal is disabled
     * @param stream  the stream
     */
    ReactiveBus(JournalStage journal, StreamPublisher stream) {
        this.journal = journal;
        this.stream = stream;
        this.engine = new DispatchEngine(NAME, this);
    }

    @Override
    public boolean beforeDispatch(DomainEvent event, String emitter) {
        if (journal != null) {
            journal.append(event, emitter);
        }
        return stream.offer(event);
    }

    @Override
    public Staged beforeDispatchAll(List<DomainEvent> events, String emitter) {
        int accepted = events.size();
        EventRejectedException failure = null;
        if (journal != null) {
            try {
                journal.appendAll(events, emitter);
            } catch (EventBatchException e) {
                accepted = e.accepted();
                failure = (EventRejectedException) e.getCause();
            }
        }
        boolean[] elsewhere = new boolean[events.size()];
        for (int i = 0; i < accepted; i++) {
            elsewhere[i] = stream.offer(events.get(i));
        }
        return new Staged(accepted, elsewhere, failure);
    }

    @Override
    public long drops() {
        return stream.drops();
    }

    @Override
    public int streamSubscribers() {
        return stream.subscribers();
    }

    @Override
    public Map<String, Long> extraMetrics() {
        Map<String, Long> m = new LinkedHashMap<>(stream.dropsPerSubscriber());
        if (journal != null) {
            m.putAll(journal.metrics());
        }
        return m;
    }

    DispatchEngine engine() {
        return engine;
    }

    EventStream stream() {
        return stream;
    }

    /** @return the journal reader, or {@code null} when the journal is disabled */
    EventJournal journal() {
        return journal;
    }

    JournalStage journalStage() {
        return journal;
    }

    /** Releases emitters blocked on a full stream buffer (the first step of a close). */
    void releaseStream() {
        stream.release();
    }

    /**
     * Completes every stream subscriber once its buffer is drained. Called after the emits in flight
     * have finished, so an event accepted during the close reaches the stream subscribers too.
     */
    void completeStream() {
        stream.close();
    }

    /** Flushes and closes the journal, if enabled. */
    void closeJournal() {
        if (journal != null) {
            journal.close();
        }
    }

    /**
     * Rejects new emits, releases emitters blocked on the stream, waits for emits in flight, closes
     * every subscription, completes the stream, then closes the journal (flushing it).
     */
    void close(long drainTimeoutMillis) {
        engine.close(this::releaseStream, drainTimeoutMillis);
        completeStream();
        closeJournal();
    }
}
