package ai.cleveragents.events.benchmarks.report;

import java.util.Optional;
import java.util.function.Predicate;

/** The targets, checked as ratios and thresholds within one run. */
final class Targets {

    private static final String MET = "met";
    private static final String MISSED = "**missed**";

    private final JmhResults results;
    private final MarkdownTable table = new MarkdownTable("target", "measured", "verdict");
    private int missed;

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
                + (missed == 0 ? "Every measured target is met.\n\n"
                        : missed + " target(s) missed; see *Why targets are missed* below.\n\n")
                + fsyncNote();
    }

    /** The disk's fsync time as the journal's {@code always} policy shows it: the floor of durable emits. */
    private String fsyncNote() {
        double always = score(journal(r -> r.param("durability").equals("always") && r.threads() == 1
                && r.mode().equals("thrpt")));
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
        double us = sync(ours);
        String who = PeerNames.of(ours);
        atLeast(who + " → 1 handler vs Felix Event Admin `sendEvent`", us / sync("eventadmin-send"), 10);
        atLeast(who + " → 1 handler vs Guava `EventBus.post`", us / sync("guava"), 3);
        double slowdown = sync("direct") / us;
        verdict(who + " → 1 handler within 20× of the direct call", Numbers.ratio(slowdown) + " slower",
                Double.isNaN(slowdown) ? null : slowdown <= 20);
    }

    private double sync(String peer) {
        return score(results.find(ReportSections.SYNC_THROUGHPUT, "peer", peer, "subscribers", "1"));
    }

    private void checkStream() {
        double stream = async("reactive-stream");
        verdict("stream → 1 subscriber at least 5 M events/s", Numbers.rate(stream),
                Double.isNaN(stream) ? null : stream >= 5e6);
        atLeast("stream → 1 subscriber vs `SubmissionPublisher` alone", stream / async("submission-publisher"), 1);
    }

    private double async(String peer) {
        return score(results.find(ReportSections.ASYNC, "peer", peer, "subscribers", "1"));
    }

    private void checkJournal() {
        Predicate<JmhResult> group2 = r -> r.param("durability").equals("group") && r.threads() == 2;
        double rate = score(journal(group2.and(r -> r.mode().equals("thrpt"))));
        verdict("journal `group`, 2 producers: at least 200 k durable events/s", Numbers.rate(rate),
                Double.isNaN(rate) ? null : rate >= 200_000);
        double p99 = journal(group2.and(r -> r.mode().equals("sample")))
                .map(r -> Numbers.toNanos(r.percentile("99.0"), r.unit())).orElse(Double.NaN);
        verdict("journal `group`, 2 producers: p99 emit at most 2 ms", Numbers.nanos(p99),
                Double.isNaN(p99) ? null : p99 <= 2e6);
    }

    private Optional<JmhResult> journal(Predicate<JmhResult> match) {
        return results.rows().stream().filter(r -> r.benchmark().startsWith(ReportSections.JOURNAL))
                .filter(match).findFirst();
    }

    private void checkCodec() {
        double encodes = score(results.find(ReportSections.CODEC_ENCODE, "size", "typical"));
        verdict("codec: at least 1 M encodes/s of the typical event on one core", Numbers.rate(encodes),
                Double.isNaN(encodes) ? null : encodes >= 1e6);
    }

    private void atLeast(String target, double ratio, double minimum) {
        verdict(target + ": at least " + Numbers.ratio(minimum), Numbers.ratio(ratio),
                Double.isNaN(ratio) ? null : ratio >= minimum);
    }

    private void verdict(String target, String measured, Boolean met) {
        if (Boolean.FALSE.equals(met)) {
            missed++;
        }
        table.row(target, measured, met == null ? "not measured" : met ? MET : MISSED);
    }

    private static double score(Optional<JmhResult> r) {
        return r.map(JmhResult::score).orElse(Double.NaN);
    }
}
