package ai.cleveragents.events.benchmarks.peers;

/**
 * One way of delivering the benchmark event to a set of subscribers, set up before the measurement.
 * {@link #emit()} is called by the benchmark threads; synchronous peers have delivered when it
 * returns, asynchronous ones only queued.
 */
public interface Peer extends AutoCloseable {

    /** Emits the benchmark event once. */
    void emit();

    /** Releases threads, frameworks and files. */
    @Override
    void close();
}
