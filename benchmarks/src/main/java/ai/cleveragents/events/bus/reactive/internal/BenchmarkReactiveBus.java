package ai.cleveragents.events.bus.reactive.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventStream;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

/**
 * The reactive bus exactly as its DS component assembles it (journal stage, stream, dispatch engine),
 * without OSGi, for the benchmarks. It lives in the bus's internal package because that assembly is
 * package-private; this split package exists only on the benchmark class path and is never shipped.
 */
public final class BenchmarkReactiveBus implements AutoCloseable {

    /** The component's default stream buffer per subscriber. */
    public static final int STREAM_BUFFER = 1024;

    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;
    /** Segments are deleted beyond this total, so long runs do not fill the disk. */
    private static final long RETENTION_MAX_BYTES = 256L << 20;

    private final ReactiveBus bus;
    private final Path directory;

    private BenchmarkReactiveBus(ReactiveBus bus, Path directory) {
        this.bus = bus;
        this.directory = directory;
    }

    /**
     * @param durability {@code off} for no journal, else {@code none}, {@code group} or {@code always}
     *                   with the component's default group-commit settings, in a temporary directory
     * @return a running bus whose stream blocks the emitter when a subscriber's buffer is full
     * @throws IOException if the journal cannot be opened
     */
    public static BenchmarkReactiveBus open(String durability) throws IOException {
        StreamPublisher stream = new StreamPublisher(STREAM_BUFFER, OverflowPolicy.BLOCK);
        if ("off".equals(durability)) {
            return new BenchmarkReactiveBus(new ReactiveBus(null, stream), null);
        }
        Path dir = Files.createTempDirectory("bench-journal");
        JournalSettings defaults = JournalSettings.defaults(dir);
        JournalSettings settings = new JournalSettings(dir, BusSettings.durability(durability),
                defaults.groupIntervalMillis(), defaults.groupMaxEvents(), defaults.segmentMaxBytes(),
                Duration.ZERO, RETENTION_MAX_BYTES);
        return new BenchmarkReactiveBus(new ReactiveBus(new JournalStage(Journal.open(settings), DetailRedactor::defaults, false), stream), dir);
    }

    /** @return the bus, as consumers see the {@code EventBus} service */
    public EventBus bus() {
        return bus.engine().view(null);
    }

    /** @return the bus's stream */
    public EventStream stream() {
        return bus.stream();
    }

    /** @return the journal directory, or {@code null} when the journal is off */
    public Path journalDirectory() {
        return directory;
    }

    /** Closes the bus and its journal; the caller deletes {@link #journalDirectory()}. */
    @Override
    public void close() {
        bus.close(CLOSE_TIMEOUT_MILLIS);
    }
}
