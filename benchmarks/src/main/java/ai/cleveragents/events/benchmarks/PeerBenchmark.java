package ai.cleveragents.events.benchmarks;

import ai.cleveragents.events.benchmarks.peers.Peer;

import org.openjdk.jmh.annotations.TearDown;

/** What the peer benchmarks share: the peer under test, released after the trial. */
public abstract class PeerBenchmark {

    /** The peer, created by the subclass's setup. */
    protected Peer target;

    /** Releases the peer. */
    @TearDown
    public void tearDown() {
        target.close();
    }
}
