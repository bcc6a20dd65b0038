package ai.cleveragents.events.bus.reactive.internal;

import java.util.Queue;

import ai.cleveragents.events.DomainEvent;

/**
 * Per emitting thread: how many events were seen, the sum of their sequence numbers, and whether the
 * sequence numbers increased. Two ledgers are equal exactly when they saw the same events of every
 * thread (with overwhelming likelihood) — used by {@link ReactiveStressTest} to compare what was
 * accepted with what each receiver got. Each slot is written by one thread at a time.
 */
final class SequenceLedger {

    private final String name;
    private final Queue<String> violations;
    final long[] count;
    final long[] seqSum;
    private final long[] last;

    SequenceLedger(String name, int threads, Queue<String> violations) {
        this.name = name;
        this.violations = violations;
        this.count = new long[threads];
        this.seqSum = new long[threads];
        this.last = new long[threads];
    }

    void record(DomainEvent event) {
        record(((Long) event.details().get("t")).intValue(), (Long) event.details().get("seq"));
    }

    void record(int t, long seq) {
        if (seq <= last[t]) {
            violations.add(name + ": seq " + seq + " of thread " + t + " after " + last[t]);
        }
        last[t] = seq;
        count[t]++;
        seqSum[t] += seq;
    }

    long total() {
        long sum = 0;
        for (long c : count) {
            sum += c;
        }
        return sum;
    }

    /** Reports every thread whose count or sequence sum differs from {@code expected}'s. */
    void expectSameAs(SequenceLedger expected) {
        for (int t = 0; t < count.length; t++) {
            if (count[t] != expected.count[t] || seqSum[t] != expected.seqSum[t]) {
                violations.add(name + ": thread " + t + " has " + count[t] + " events (seq sum " + seqSum[t]
                        + "), " + expected.name + " has " + expected.count[t] + " (" + expected.seqSum[t] + ")");
            }
        }
    }
}
