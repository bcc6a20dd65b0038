package ai.cleveragents.events.dispatch;

import java.util.List;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventRejectedException;

/**
 * What a particular bus does with each event before the synchronous handlers run: the reactive bus
 * appends to its journal and publishes to its stream, the logging bus writes a log record.
 */
public interface EmitStage {

    /**
     * Called for every accepted event on the emitting thread, before synchronous dispatch.
     *
     * @param event   the event
     * @param emitter who emits it: {@code <bundle symbolic name>/<version>} or {@link Emitters#UNKNOWN}
     * @return {@code true} if the event reached a receiver other than the synchronous handlers (a stream
     *         subscriber), so that it does not count as unhandled without them
     * @throws ai.cleveragents.events.EventRejectedException to refuse the event; nothing is then delivered
     */
    boolean beforeDispatch(DomainEvent event, String emitter);

    /**
     * What {@link #beforeDispatchAll} did with a batch.
     *
     * @param accepted  how many events, from the first, passed the stage and are to be delivered
     * @param elsewhere for each accepted event, what {@link #beforeDispatch} would have returned
     * @param failure   why the event at {@code accepted} was refused, or {@code null} if all passed
     */
    record Staged(int accepted, boolean[] elsewhere, EventRejectedException failure) {
    }

    /**
     * Called for a batch on the emitting thread, before synchronous dispatch of any of it. This default
     * stages the events one by one and stops at the first refused.
     *
     * @param events  the events, in order; not empty
     * @param emitter who emits them
     * @return how many passed, from the first, and why the next did not
     */
    default Staged beforeDispatchAll(List<DomainEvent> events, String emitter) {
        boolean[] elsewhere = new boolean[events.size()];
        for (int i = 0; i < events.size(); i++) {
            try {
                elsewhere[i] = beforeDispatch(events.get(i), emitter);
            } catch (EventRejectedException e) {
                return new Staged(i, elsewhere, e);
            }
        }
        return new Staged(events.size(), elsewhere, null);
    }

    /** @return events dropped for stream subscribers so far */
    default long drops() {
        return 0;
    }

    /** @return current stream subscribers */
    default int streamSubscribers() {
        return 0;
    }

    /** @return bus-specific counters under dotted names */
    default Map<String, Long> extraMetrics() {
        return Map.of();
    }
}
