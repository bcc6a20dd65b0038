package ai.cleveragents.events.benchmarks.report;

import java.util.List;
import java.util.Optional;

/** The measurement tables of {@code docs/performance.md}, one method per scenario. */
final class ReportSections {

    static final String SYNC_THROUGHPUT = "SyncEmitBenchmark.throughput";
    static final String SYNC_LATENCY = "SyncEmitBenchmark.latency";
    static final String CONTENDED = "SyncEmitBenchmark.contended";
    static final String ASYNC = "AsyncDeliveryBenchmark.delivered";
    static final String CODEC_ENCODE = "CodecBenchmark.encode";
    static final String CODEC_DECODE = "CodecBenchmark.decode";
    static final String JOURNAL = "JournalBenchmark.";

    private static final String[] PERCENTILES = {"50.0", "99.0", "99.9"};

    private final JmhResults results;

    ReportSections(JmhResults results) {
        this.results = results;
    }

    String syncThroughput() {
        List<String> subs = results.values(SYNC_THROUGHPUT, "subscribers");
        String[] header = new String[subs.size() + 2];
        header[0] = "peer";
        for (int i = 0; i < subs.size(); i++) {
            header[i + 1] = subs.get(i) + (subs.get(i).equals("1") ? " subscriber" : " subscribers");
        }
        header[header.length - 1] = "allocated per emit (1 subscriber)";
        MarkdownTable t = new MarkdownTable(header);
        for (String peer : results.values(SYNC_THROUGHPUT, "peer")) {
            String[] row = new String[header.length];
            row[0] = PeerNames.of(peer);
            for (int i = 0; i < subs.size(); i++) {
                row[i + 1] = results.find(SYNC_THROUGHPUT, "peer", peer, "subscribers", subs.get(i))
                        .map(r -> Numbers.rate(r.score()) + Numbers.error(r)).orElse(Numbers.NONE);
            }
            row[row.length - 1] = results.find(SYNC_THROUGHPUT, "peer", peer, "subscribers", "1")
                    .map(r -> Numbers.bytes(r.allocBytes())).orElse(Numbers.NONE);
            t.row(row);
        }
        return section("Synchronous emit, 1 producer: emits per second", t,
                "An emit returns after every subscriber has run. Allocation is JMH `-prof gc`'s "
                        + "`gc.alloc.rate.norm` (bytes per emit, the event itself is built once).");
    }

    String syncLatency() {
        MarkdownTable t = new MarkdownTable("peer", "subscribers", "p50", "p99", "p99.9");
        for (String peer : results.values(SYNC_LATENCY, "peer")) {
            for (String subs : results.values(SYNC_LATENCY, "subscribers")) {
                results.find(SYNC_LATENCY, "peer", peer, "subscribers", subs)
                        .ifPresent(r -> t.row(percentileRow(PeerNames.of(peer), subs, r)));
            }
        }
        return section("Synchronous emit, 1 producer: latency per emit (sample time)", t,
                "Sample-time percentiles include timer granularity (tens of ns) and, on this loaded "
                        + "machine, scheduling hiccups in the tail.");
    }

    private static String[] percentileRow(String first, String second, JmhResult r) {
        String[] row = new String[2 + PERCENTILES.length];
        row[0] = first;
        row[1] = second;
        for (int i = 0; i < PERCENTILES.length; i++) {
            row[2 + i] = Numbers.nanos(Numbers.toNanos(r.percentile(PERCENTILES[i]), r.unit()));
        }
        return row;
    }

    String contended() {
        MarkdownTable t = new MarkdownTable("peer", "emits per second, both producers");
        for (String peer : results.values(CONTENDED, "peer")) {
            results.find(CONTENDED, "peer", peer)
                    .ifPresent(r -> t.row(PeerNames.of(peer), Numbers.rate(r.score()) + Numbers.error(r)));
        }
        return section("Synchronous emit, 2 producers → 10 subscribers", t,
                "Two producer threads on a 2-core machine: the subscribers and the producers share "
                        + "the same cores, so this shows contention cost, not scaling.");
    }

    String async() {
        List<String> subs = results.values(ASYNC, "subscribers");
        MarkdownTable t = new MarkdownTable(header("peer", subs));
        for (String peer : results.values(ASYNC, "peer")) {
            String[] row = new String[subs.size() + 1];
            row[0] = PeerNames.of(peer);
            for (int i = 0; i < subs.size(); i++) {
                row[i + 1] = results.find(ASYNC, "peer", peer, "subscribers", subs.get(i))
                        .map(r -> Numbers.rate(r.score()) + Numbers.error(r)).orElse(Numbers.NONE);
            }
            t.row(row);
        }
        return section("Asynchronous delivery, 1 producer, zero loss: events per second", t,
                "Each invocation emits 1,024 events and waits until every subscriber has received all "
                        + "of them, so the score is end-to-end delivery with nothing lost, per subscriber.");
    }

    private static String[] header(String first, List<String> subs) {
        String[] header = new String[subs.size() + 1];
        header[0] = first;
        for (int i = 0; i < subs.size(); i++) {
            header[i + 1] = subs.get(i) + (subs.get(i).equals("1") ? " subscriber" : " subscribers");
        }
        return header;
    }

    String journal() {
        MarkdownTable t = new MarkdownTable("durability", "producers", "per second", "p50", "p99", "p99.9");
        List<JmhResult> rows = results.rows().stream().filter(r -> r.benchmark().startsWith(JOURNAL)).toList();
        for (String durability : results.values(JOURNAL + "emitThroughput", "durability")) {
            for (int threads : new int[] {1, 2}) {
                Optional<JmhResult> thrpt = pick(rows, durability, threads, "thrpt");
                Optional<JmhResult> sample = pick(rows, durability, threads, "sample");
                if (thrpt.isEmpty() && sample.isEmpty()) {
                    continue;
                }
                String[] row = sample.map(r -> percentileRow("`" + durability + "`", "" + threads, r))
                        .orElse(new String[] {"`" + durability + "`", "" + threads, "", "", ""});
                t.row(row[0], row[1], thrpt.map(r -> Numbers.rate(r.score()) + Numbers.error(r)).orElse(Numbers.NONE),
                        row[2], row[3], row[4]);
            }
        }
        return section("Audit journal: appends per second and latency per durability policy", t,
                "`group` and `always` call `fsync`; their figures depend on the disk (here a shared "
                        + "virtual disk).");
    }

    private static Optional<JmhResult> pick(List<JmhResult> rows, String durability, int threads, String mode) {
        return rows.stream().filter(r -> r.param("durability").equals(durability) && r.threads() == threads
                && r.mode().equals(mode)).findFirst();
    }

    String codec() {
        MarkdownTable t = new MarkdownTable("event", "encodes per second", "decodes per second");
        for (String size : results.values(CODEC_ENCODE, "size")) {
            t.row(size.equals("large") ? "large (1,000 detail keys)" : "typical (5 detail keys)",
                    results.find(CODEC_ENCODE, "size", size).map(r -> Numbers.rate(r.score()) + Numbers.error(r))
                            .orElse(Numbers.NONE),
                    results.find(CODEC_DECODE, "size", size).map(r -> Numbers.rate(r.score()) + Numbers.error(r))
                            .orElse(Numbers.NONE));
        }
        return section("JSON codec, one thread", t, "`EventCodec.encodeToBytes` and `decode(byte[])`.");
    }

    private static String section(String title, MarkdownTable table, String note) {
        if (table.isEmpty()) {
            return "### " + title + "\n\nNot measured in this run.\n\n";
        }
        return "### " + title + "\n\n" + table + "\n" + note + "\n\n";
    }
}
