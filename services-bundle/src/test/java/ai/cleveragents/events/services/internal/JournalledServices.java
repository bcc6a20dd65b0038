package ai.cleveragents.events.services.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;

/**
 * The two services on a real bus whose stage appends every event to a real journal (the reactive
 * bus's) before dispatch, as the reactive bus does; {@link #restart()} closes everything and starts
 * new components on the reopened journal, as a restart of the runtime would.
 */
class JournalledServices implements AutoCloseable {

    final JournalSettings settings;
    /** where the services keep their snapshots, or {@code null} for none */
    final Path snapshots;
    Journal journal;
    RecordingBus recorder;
    PlanLifecycleComponent plans;
    DecisionComponent decisions;

    JournalledServices(Path dir) {
        this(JournalSettings.defaults(dir).withDurability(Durability.NONE));
    }

    JournalledServices(JournalSettings settings) {
        this(settings, null);
    }

    /** @param snapshots where the services keep their snapshots, or {@code null} for none */
    JournalledServices(JournalSettings settings, Path snapshots) {
        this.settings = settings;
        this.snapshots = snapshots;
        start();
    }

    /** @return settings with small segments and a retention of {@code maxBytes} */
    static JournalSettings trimmed(Path dir, long segmentBytes, long maxBytes) {
        return JournalSettings.defaults(dir).withDurability(Durability.NONE).withSegmentMaxBytes(segmentBytes)
                .withRetention(Duration.ZERO, maxBytes);
    }

    /** @return after how many events the services write their snapshots */
    long snapshotEvery() {
        return Configs.SNAPSHOT_EVERY;
    }

    void restart() {
        close();
        start();
    }

    /** Opens the journal only, for appending or corrupting it between two runs. */
    Journal openJournal() {
        try {
            return Journal.open(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() {
        journal = openJournal();
        Journal target = journal;
        recorder = new RecordingBus("journalled", (event, emitter) -> {
            target.append(event, emitter);
            return false;
        });
        plans = new PlanLifecycleComponent(Configs.plan(1000, snapshotEvery()), snapshots);
        plans.bus = recorder.bus;
        plans.bindJournal(journal);
        decisions = new DecisionComponent(Configs.decision(1000, snapshotEvery()), plans, snapshots);
        decisions.bus = recorder.bus;
        decisions.bindJournal(journal);
    }

    @Override
    public void close() {
        decisions.deactivate();
        plans.deactivate();
        recorder.close();
        try {
            journal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
