package ai.cleveragents.events.benchmarks.report;

import java.util.List;
import java.util.function.Function;

/**
 * The measurements the targets are about, found the same way in this run and in the previous one: the
 * cells {@code ./bench} measures with more forks and iterations, and the regression view compares.
 */
final class TargetCells {

    /** One target cell: what the report calls it and how to find it in a set of results. */
    record Cell(String label, Function<JmhResults, Estimate> find) {
    }

    static final List<Cell> ALL = List.of(
            new Cell("sync emit → 1 subscriber, reactive bus", r -> sync(r, "reactive")),
            new Cell("sync emit → 1 subscriber, direct call", r -> sync(r, "direct")),
            new Cell("sync emit → 1 subscriber, Guava", r -> sync(r, "guava")),
            new Cell("sync emit → 1 subscriber, Event Admin tuned", r -> sync(r, "eventadmin-send-tuned")),
            new Cell("stream → 1 subscriber", r -> async(r, "reactive-stream", 1)),
            new Cell("stream → 4 subscribers", r -> async(r, "reactive-stream", 4)),
            new Cell("SubmissionPublisher → 1 subscriber", r -> async(r, "submission-publisher", 1)),
            new Cell("SubmissionPublisher → 4 subscribers", r -> async(r, "submission-publisher", 4)),
            new Cell("journal `none`, 1 producer", TargetCells::journalNone),
            new Cell("journal `group`, 2 producers", TargetCells::journalGroup2),
            new Cell("codec encode, typical event", r -> codec(r, ReportSections.CODEC_ENCODE)),
            new Cell("codec decode, typical event", r -> codec(r, ReportSections.CODEC_DECODE)));

    private TargetCells() {
    }

    static Estimate sync(JmhResults r, String peer) {
        return Estimate.of(r.find(ReportSections.SYNC_THROUGHPUT, "peer", peer, "subscribers", "1"));
    }

    static Estimate async(JmhResults r, String peer, int subscribers) {
        return Estimate.of(r.find(ReportSections.ASYNC, "peer", peer, "subscribers", Integer.toString(subscribers)));
    }

    static Estimate journalNone(JmhResults r) {
        return Estimate.of(r.find(ReportSections.JOURNAL + "emitThroughput", "durability", "none"));
    }

    static Estimate journalGroup2(JmhResults r) {
        return Estimate.of(r.find(ReportSections.JOURNAL + "emitThroughput2", "durability", "group"));
    }

    static Estimate codec(JmhResults r, String benchmark) {
        return Estimate.of(r.find(benchmark, "size", "typical"));
    }
}
