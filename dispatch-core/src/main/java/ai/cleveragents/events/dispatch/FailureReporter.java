package ai.cleveragents.events.dispatch;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import ai.cleveragents.events.DomainEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs handler failures, rate-limited per handler class: at most one line per interval, the line
 * saying how many failures were suppressed since the previous one. Thread-safe.
 */
final class FailureReporter {

    static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(FailureReporter.class);

    private final String busName;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    FailureReporter(String busName, long intervalNanos, LongSupplier clock) {
        this.busName = busName;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    /** @return {@code true} if a line was logged, {@code false} if it was suppressed */
    boolean report(Registration r, DomainEvent event, Throwable failure) {
        long suppressed = admit(r.handler());
        if (suppressed < 0) {
            return false;
        }
        LOG.warn("{} bus: handler {} (owner {}) failed on {} {}; {} similar failures suppressed since the last report",
                busName, r.handler(), r.owner(), event.eventType().id(), event.eventId(), suppressed, failure);
        return true;
    }

    /**
     * Reports a re-entrant emit refused because its cascade was full, naming the handler that emitted.
     *
     * @param emitting the handler being invoked when the emit was refused, or {@code null}
     * @return {@code true} if a line was logged, {@code false} if it was suppressed
     */
    boolean reportCascade(Registration emitting, DomainEvent event, int limit) {
        String handler = emitting == null ? "-" : emitting.handler();
        long suppressed = admit("cascade " + handler);
        if (suppressed < 0) {
            return false;
        }
        LOG.error("{} bus: handler {} (owner {}) emitted {} {} after handlers had emitted {} events while one event was"
                + " delivered; refused (CASCADE_LIMIT), the cascade stops here; {} similar refusals suppressed since the"
                + " last report", busName, handler, emitting == null ? "-" : emitting.owner(), event.eventType().id(),
                event.eventId(), limit, suppressed);
        return true;
    }

    /** @return how many lines were suppressed for {@code key} since the last one, or -1 to suppress this one */
    private long admit(String key) {
        Window w = windows.computeIfAbsent(key, k -> new Window());
        long now = clock.getAsLong();
        long next = w.nextLogAt.get();
        if (now - next < 0 || !w.nextLogAt.compareAndSet(next, now + intervalNanos)) {
            w.suppressed.incrementAndGet();
            return -1;
        }
        return w.suppressed.getAndSet(0);
    }

    private final class Window {
        final AtomicLong nextLogAt = new AtomicLong(clock.getAsLong());
        final AtomicLong suppressed = new AtomicLong();
    }
}
