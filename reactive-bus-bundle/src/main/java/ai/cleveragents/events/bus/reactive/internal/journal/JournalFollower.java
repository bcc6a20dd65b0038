package ai.cleveragents.events.bus.reactive.internal.journal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.dispatch.redaction.TerminalText;
import ai.cleveragents.events.json.EventCodec;

/**
 * A catch-up subscription: one thread reads the journal from a {@link CatchUpStart} with one cursor and
 * hands each readable record of the wanted types to the handler, then waits for the journal to grow and
 * goes on. Replay and live flow are the same reading, so nothing is missed or repeated between them and
 * every record arrives in journal order. Thread-safe.
 */
final class JournalFollower implements Subscription {

    /** What the follower reads: the journal it follows. */
    interface Source {
        /** @return the sequence number of the last record a follower may deliver (durable, or written under none) */
        long readableSequence();

        /** @return the extents from segment {@code segment} at {@code offset} on, every later segment from 0 */
        List<ReplayCursor.Extent> extentsFrom(long segment, long offset);

        /**
         * Waits until the readable sequence passes {@code sequence}, the journal closes or {@code stop}
         * holds, at most the timeout.
         */
        void awaitBeyond(long sequence, BooleanSupplier stop, long timeoutMillis) throws InterruptedException;

        /** Wakes {@link #awaitBeyond} callers. */
        void wake();

        boolean isClosed();
    }

    private static final Logger LOG = LoggerFactory.getLogger(JournalFollower.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long WAIT_MILLIS = 1000;
    private static final long CLOSE_WAIT_MILLIS = 5000;
    private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Source source;
    private final EventCodec codec;
    private final Set<EventType> types;
    private final EventHandler handler;
    private final CatchUpProgress progress;
    private final Thread thread;
    private volatile boolean active = true;
    /** Confined to {@link #thread}, as are the fields below. */
    private long segment;
    private long offset;
    private long lastSeq;
    private Instant since;
    private long failures;
    private long lastFailureLog;

    private JournalFollower(Source source, CatchUpStart start, Set<EventType> types, EventHandler handler,
            CatchUpProgress progress, EventCodec codec) {
        this.source = source;
        this.codec = codec;
        this.types = Set.copyOf(types);
        this.handler = handler;
        this.progress = progress;
        this.segment = start.segment();
        this.offset = start.offset();
        this.lastSeq = start.lastSeq();
        this.since = start.since();
        this.thread = new Thread(this::run, "events-catch-up-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    /** Starts a follower on a thread of its own. */
    static JournalFollower start(Source source, CatchUpStart start, Set<EventType> types, EventHandler handler,
            CatchUpProgress progress, EventCodec codec) {
        JournalFollower follower = new JournalFollower(source, start, types, handler, progress, codec);
        follower.thread.start();
        return follower;
    }

    private void run() {
        try {
            while (active) {
                boolean closed = source.isClosed();
                long readable = source.readableSequence();
                if (!drain(readable)) {
                    if (closed) {
                        break;
                    }
                    progress.caughtUp();
                    source.awaitBeyond(readable, () -> !active, WAIT_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("catch-up subscription on {} stopped: cannot read the journal: {}", thread.getName(), TerminalText.escape(String.valueOf(e.getMessage())));
        } finally {
            active = false;
            progress.ended();
        }
    }

    /** @return whether a record was consumed */
    private boolean drain(long readable) {
        boolean consumed = false;
        try (ReplayCursor cursor = new ReplayCursor(source.extentsFrom(segment, offset), codec)) {
            while (active && cursor.hasNext()) {
                JournalRecord r = cursor.nextRecord();
                if (r.seq() > readable) {
                    break;
                }
                segment = cursor.segment().sequence();
                offset = cursor.lineEnd();
                checkGap(r.seq());
                deliver(r);
                progress.consumed(new Checkpoint(r.seq(), r.event().eventId()));
                consumed = true;
            }
        }
        return consumed;
    }

    private void checkGap(long seq) {
        if (seq > 0 && lastSeq > 0 && seq > lastSeq + 1) {
            LOG.warn("catch-up subscription {} missed journal records {} to {}: deleted by retention or missing",
                    thread.getName(), lastSeq + 1, seq - 1);
        }
        if (seq > 0) {
            lastSeq = seq;
        }
    }

    private void deliver(JournalRecord r) {
        if (since != null) {
            if (r.event().timestamp().isBefore(since)) {
                return;
            }
            since = null;
        }
        if (!types.isEmpty() && !types.contains(r.event().eventType())) {
            return;
        }
        try {
            handler.handle(r.event());
        } catch (Exception e) {
            reportFailure(r, e);
        }
    }

    private void reportFailure(JournalRecord r, Exception e) {
        failures++;
        long now = System.nanoTime();
        if (failures == 1 || now - lastFailureLog >= FAILURE_LOG_INTERVAL_NANOS) {
            lastFailureLog = now;
            LOG.warn("catch-up handler {} failed on event {} ({} failures so far): {}", handler.getClass().getName(),
                    r.event().eventId(), failures, TerminalText.escape(e.toString()));
        }
    }

    @Override
    public void close() {
        active = false;
        source.wake();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isActive() {
        return active;
    }
}
