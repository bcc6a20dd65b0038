package ai.cleveragents.events.benchmarks.report;

import java.util.function.DoubleFunction;

/**
 * The issues' targets, checked as ratios and thresholds within one run, each against the 99.9 %
 * interval of what it measures: <em>met</em> when the whole interval is on the right side,
 * <em>missed</em> when the whole interval is on the wrong side, <em>unclear</em> when it straddles the
 * target (more iterations, or a quieter machine, would be needed to tell).
 */
final class Targets {

    static final String MET = "met";
    static final String MISSED = "**missed**";
    static final String UNCLEAR = "unclear";

    private final JmhResults results;
    private final MarkdownTable table = new MarkdownTable("target", "measured (99.9 % interval)", "verdict");
    private int missed;
    private int unclear;

    Targets(JmhResults results) {
        this.results = results;
    }

    /** @return the peer standing for this project's sync emit: the reactive bus, else its dispatch core */
    String ourSyncPeer() {
        return results.find(ReportSections.SYNC_THROUGHPUT, "peer", "reactive").isPresent() ? "reactive"
                : "dispatch-core";
    }

    String render() {
        checkSync();
        checkStream();
        checkJournal();
        checkCodec();
        return "### Targets (ratios and thresholds from this run)\n\n" + table + "\n"
                + (missed == 0 && unclear == 0 ? "Every measured target is met.\n\n"
                        : missed + " target(s) missed, " + unclear + " unclear (the interval straddles the "
                                + "target); see *Why targets are missed* below.\n\n")
                + fsyncNote();
    }

    /** The disk's fsync time as the journal's {@code always} policy shows it: the floor of durable emits. */
    private String fsyncNote() {
        double always = results.rows().stream()
                .filter(r -> r.benchmark().equals(ReportSections.JOURNAL + "emitThroughput")
                        && r.param("durability").equals("always"))
                .mapToDouble(JmhResult::score).findFirst().orElse(Double.NaN);
        if (Double.isNaN(always)) {
            return "";
        }
        return "On this disk one `fsync` takes about " + Numbers.nanos(1e9 / always) + " (the reactive bus with "
                + "journal `always` and 1 producer does " + Numbers.rate(always) + "). An emit under `group` "
                + "returns only after the `fsync` covering it, so *n* producers that each wait for their emit "
                + "can make at most about *n* events durable per `fsync`, i.e. about "
                + Numbers.rate(2 * always) + " with 2 producers, whatever the journal code does.\n\n";
    }

    private void checkSync() {
        String ours = ourSyncPeer();
        Estimate us = sync(ours);
        String who = PeerNames.of(ours);
        ratio(who + " → 1 handler vs Felix Event Admin `sendEvent`, tuned (`Timeout=0`)",
                us.over(sync("eventadmin-send-tuned")), 10);
        ratio(who + " → 1 handler vs Guava `EventBus.post`", us.over(sync("guava")), 3);
        Estimate slowdown = sync("direct").over(us);
        verdict(who + " → 1 handler within 20× of the direct call (times slower)",
                slowdown.format(Numbers::ratio), slowdown.atMost(20));
    }

    private Estimate sync(String peer) {
        return TargetCells.sync(results, peer);
    }

    private void checkStream() {
        Estimate one = TargetCells.async(results, "reactive-stream", 1);
        Estimate four = TargetCells.async(results, "reactive-stream", 4);
        rate("stream → 1 subscriber at least 5 M events/s", one, 5e6);
        rate("stream → 4 subscribers at least 2 M events/s each", four, 2e6);
        ratio("stream → 1 subscriber vs `SubmissionPublisher` alone",
                one.over(TargetCells.async(results, "submission-publisher", 1)), 1);
        ratio("stream → 4 subscribers vs `SubmissionPublisher` alone",
                four.over(TargetCells.async(results, "submission-publisher", 4)), 1);
    }

    private void checkJournal() {
        rate("journal `none`, 1 producer: at least 1 M events/s", TargetCells.journalNone(results), 1e6);
        Estimate alloc = results.find(ReportSections.SYNC_THROUGHPUT, "peer", "reactive-none", "subscribers", "1")
                .map(r -> Double.isNaN(r.allocBytes()) ? Estimate.NONE : Estimate.exact(r.allocBytes()))
                .orElse(Estimate.NONE);
        verdict("journal `none`: at most 300 B allocated per emit", alloc.format(Numbers::bytes), alloc.atMost(300));
        rate("journal `group`, 2 producers: at least 200 k durable events/s", TargetCells.journalGroup2(results),
                200_000);
        Estimate p99 = results.rows().stream()
                .filter(r -> r.benchmark().equals(ReportSections.JOURNAL + "emitLatency2")
                        && r.param("durability").equals("group"))
                .findFirst().map(r -> Estimate.exact(Numbers.toNanos(r.percentile("99.0"), r.unit())))
                .orElse(Estimate.NONE);
        verdict("journal `group`, 2 producers: p99 emit at most 2 ms", p99.format(Numbers::nanos), p99.atMost(2e6));
    }

    private void checkCodec() {
        rate("codec: at least 1.5 M encodes/s of the typical event on one core",
                TargetCells.codec(results, ReportSections.CODEC_ENCODE), 1.5e6);
        rate("codec: at least 1 M decodes/s of the typical event on one core",
                TargetCells.codec(results, ReportSections.CODEC_DECODE), 1e6);
    }

    private void rate(String target, Estimate value, double minimum) {
        verdict(target, value.format(Numbers::rate), value.atLeast(minimum));
    }

    private void ratio(String target, Estimate value, double minimum) {
        DoubleFunction<String> fmt = Numbers::ratio;
        verdict(target + ": at least " + Numbers.ratio(minimum), value.format(fmt), value.atLeast(minimum));
    }

    private void verdict(String target, String measured, String verdict) {
        if (MISSED.equals(verdict)) {
            missed++;
        } else if (UNCLEAR.equals(verdict)) {
            unclear++;
        }
        table.row(target, measured, verdict == null ? "not measured" : verdict);
    }
}
