package ai.cleveragents.events.bridge.kafka.internal;

import java.util.List;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBatchException;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.SwapSafeEmitter;

/**
 * Emits a partition's inbound events on the local bus with the {@link SwapSafeEmitter} and remembers
 * what got in ({@link RecentIds}). Their ids are marked as came-in before the emit, so the outbound
 * side, which may read them from the journal before the emit returns, never sends them back; they count
 * as known (for dedupe) only once emitted. An event the bus refuses for good ({@code TOO_LARGE},
 * {@code CASCADE_LIMIT}) is counted as {@link RejectReason#BUS_REFUSED} and skipped; no bus bound, or a
 * journal failure, leaves the rest for a retry: what was accepted is remembered, so the retry skips it
 * as a duplicate. Called by the consumer thread only.
 */
final class BatchEmitter {

    /** @param complete whether every event was emitted or skipped for good; error what stopped it, or null */
    record Result(boolean complete, String error) {
    }

    private final SwapSafeEmitter emitter;
    private final RecentIds cameIn;
    private final RecentIds known;
    private final BridgeCounters counters;

    BatchEmitter(SwapSafeEmitter emitter, RecentIds cameIn, RecentIds known, BridgeCounters counters) {
        this.emitter = emitter;
        this.cameIn = cameIn;
        this.known = known;
        this.counters = counters;
    }

    Result emit(List<DomainEvent> events) {
        for (DomainEvent e : events) {
            cameIn.add(e.eventId());
        }
        List<DomainEvent> rest = events;
        while (!rest.isEmpty()) {
            try {
                if (emitter.emitAll(rest) != SwapSafeEmitter.Outcome.EMITTED) {
                    return new Result(false, "no event bus bound: partitions paused");
                }
                remember(rest);
                return new Result(true, null);
            } catch (EventBatchException e) {
                remember(rest.subList(0, e.accepted()));
                if (e.reason() == EventRejectedException.Reason.JOURNAL_FAILURE) {
                    return new Result(false, "the local journal refused a write: partitions paused");
                }
                counters.rejected(RejectReason.BUS_REFUSED);
                known.add(rest.get(e.accepted()).eventId());
                rest = rest.subList(e.accepted() + 1, rest.size());
            }
        }
        return new Result(true, null);
    }

    private void remember(List<DomainEvent> emitted) {
        for (DomainEvent e : emitted) {
            known.add(e.eventId());
        }
        counters.inEmitted.add(emitted.size());
    }
}
