package ai.cleveragents.events.services.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import ai.cleveragents.events.DomainEvent;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a service keeps its snapshot, and how often it writes it; off when there is no place (no
 * persistent bundle storage) or {@code every} is 0. A snapshot that cannot be read or written is named
 * in one WARN line and the service goes on without it (rebuilding from the whole journal). Thread-safe.
 */
final class Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

    private final String service;
    private final SnapshotFile file;
    private final long every;

    /**
     * @param service   names the service in log lines and the file ({@code <kind>.snapshot})
     * @param kind      the file's name and the header's service: {@code plans} or {@code decisions}
     * @param directory the directory, or {@code null} for no snapshots
     * @param every     write after this many events folded; 0 for no snapshots
     */
    Snapshots(String service, String kind, Path directory, long every) {
        this.service = service;
        this.file = directory == null || every <= 0 ? null : new SnapshotFile(directory.resolve(kind + ".snapshot"), kind);
        this.every = every;
    }

    /** Framework property naming the snapshot directory (the runtime sets it to data/snapshots). */
    static final String SNAPSHOT_DIR_PROPERTY = "ai.cleveragents.events.snapshot.dir";

    /**
     * @return the framework property {@value #SNAPSHOT_DIR_PROPERTY}, else {@code ${karaf.data}/cleveragents-events/snapshots}
     *         under Karaf, else the bundle's storage area ({@code null} if the framework has none). The storage area
     *         does not outlive a framework whose storage is cleaned at start, as the distribution's is.
     */
    static Path directory(BundleContext context) {
        String configured = context.getProperty(SNAPSHOT_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String karafData = context.getProperty("karaf.data");
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData, "cleveragents-events", "snapshots");
        }
        File area = context.getDataFile("");
        return area == null ? null : area.toPath();
    }

    boolean enabled() {
        return file != null;
    }

    long every() {
        return every;
    }

    /** @return the snapshot, or empty if there is none, it is off, or it is unusable (logged) */
    Optional<SnapshotFile.Content> read() {
        if (file == null) {
            return Optional.empty();
        }
        try {
            return file.read();
        } catch (SnapshotException e) {
            unusable(e);
            return Optional.empty();
        }
    }

    /** @return {@code true} if written; a failure is logged */
    boolean write(List<DomainEvent> entries, String lastEventId) {
        try {
            file.write(lastEventId, entries);
            return true;
        } catch (SnapshotException e) {
            LOG.warn("{}: the snapshot was not written (the previous one, if any, is kept): {}", service, e.getMessage());
            return false;
        }
    }

    /** Logs that the snapshot read could not be restored. */
    void unusable(SnapshotException e) {
        LOG.warn("{}: its snapshot is not used, the journal is replayed from the start: {}", service, e.getMessage());
    }

    /** Logs that the snapshot did not match the journal. */
    void mismatch(String lastEventId) {
        LOG.warn("{}: its snapshot is not used, the journal is replayed from the start: the snapshot's last event {}"
                + " is not in the journal (another journal, or retention deleted it)", service, lastEventId);
    }
}
