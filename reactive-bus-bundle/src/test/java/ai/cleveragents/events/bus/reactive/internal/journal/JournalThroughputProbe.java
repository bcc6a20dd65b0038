package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

/**
 * A rough probe run by hand, never by the build (see {@code docs/journal.md}): the latency of one
 * small write plus {@code fsync} in a directory, and the durable append rate of a {@link Journal} under
 * a policy with a number of emitting threads, with per-append latency percentiles. Not a benchmark:
 * one run, no warm-up discipline, on whatever else the machine is doing.
 *
 * <p>Arguments: directory, durability, threads, seconds.
 */
public final class JournalThroughputProbe {

    private JournalThroughputProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Durability durability = Durability.valueOf(args[1]);
        int threads = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        fsyncLatency(dir.resolve("fsync-probe"), 2000);
        appendRate(dir.resolve("journal-" + System.nanoTime()), durability, threads, seconds);
    }

    private static void fsyncLatency(Path file, int count) throws IOException {
        long[] nanos = new long[count];
        ByteBuffer line = ByteBuffer.wrap(new byte[300]);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                ch.write(line.rewind());
                ch.force(false);
                nanos[i] = System.nanoTime() - start;
            }
        }
        Files.delete(file);
        System.out.println("write(300 B) + fsync: " + percentiles(nanos) + " over " + count);
    }

    private static void appendRate(Path dir, Durability durability, int threads, long seconds) throws Exception {
        List<long[]> latencies = new ArrayList<>();
        List<Thread> emitters = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (Journal journal = Journal.open(JournalSettings.defaults(dir).withDurability(durability))) {
            for (int t = 0; t < threads; t++) {
                long[] own = new long[4_000_000];
                latencies.add(own);
                Thread emitter = new Thread(() -> emit(journal, own, end));
                emitters.add(emitter);
                emitter.start();
            }
            for (Thread emitter : emitters) {
                emitter.join();
            }
            JournalStats stats = journal.stats();
            long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(n -> n > 0)).toArray();
            System.out.printf(Locale.ROOT, "%s, %d threads: %.0f appends/s, %d fsyncs (%.1f events per fsync), "
                    + "append latency %s%n", durability, threads, stats.appends() / (double) seconds, stats.fsyncs(),
                    stats.appends() / (double) Math.max(1, stats.fsyncs()), percentiles(all));
        }
    }

    private static void emit(Journal journal, long[] latencies, long end) {
        int i = 0;
        for (long now = System.nanoTime(); now < end && i < latencies.length; i++) {
            journal.append(DomainEvent.builder(EventType.TOOL_INVOKED).detail("i", i).build());
            long after = System.nanoTime();
            latencies[i] = after - now;
            now = after;
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.1f us, p99 %.1f us, max %.1f us", micros(sorted, 0.50),
                micros(sorted, 0.99), sorted[sorted.length - 1] / 1000.0);
    }

    private static double micros(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1000.0;
    }
}
