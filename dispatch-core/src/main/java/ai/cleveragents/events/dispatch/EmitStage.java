package ai.cleveragents.events.dispatch;

import java.util.Map;

import ai.cleveragents.events.DomainEvent;

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
