package ai.cleveragents.events.bridge.eventadmin.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import ai.cleveragents.events.dispatch.redaction.TerminalText;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs dropped events, at most one line per reason per interval; the line says how many drops of that
 * reason went unlogged since the previous one. The description may hold attacker-supplied text (a
 * topic, a value): it is {@linkplain TerminalText#escape escaped}, so no newline or ESC reaches the log
 * line raw. Thread-safe.
 */
final class DropLog {

    private static final Logger LOG = LoggerFactory.getLogger(DropLog.class);

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<DropReason, AtomicLong> nextLogAt = new EnumMap<>(DropReason.class);
    private final Map<DropReason, AtomicLong> unlogged = new EnumMap<>(DropReason.class);

    /**
     * @param intervalNanos the shortest time between two lines of one reason
     * @param nanoClock     a monotonic clock, {@code System::nanoTime} in production
     */
    DropLog(long intervalNanos, LongSupplier nanoClock) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        for (DropReason r : DropReason.values()) {
            nextLogAt.put(r, new AtomicLong(now));
            unlogged.put(r, new AtomicLong());
        }
    }

    /**
     * @param reason why the event was dropped
     * @param what   what was dropped and why, for a person
     * @return {@code true} if a line was logged, {@code false} if rate-limited
     */
    boolean dropped(DropReason reason, String what) {
        AtomicLong next = nextLogAt.get(reason);
        long now = nanoClock.getAsLong();
        long due = next.get();
        if (now - due < 0 || !next.compareAndSet(due, now + intervalNanos)) {
            unlogged.get(reason).incrementAndGet();
            return false;
        }
        LOG.warn("Event Admin bridge dropped an event ({}): {}; {} more dropped for this reason since the last line",
                reason.key(), TerminalText.escape(what), unlogged.get(reason).getAndSet(0));
        return true;
    }
}
