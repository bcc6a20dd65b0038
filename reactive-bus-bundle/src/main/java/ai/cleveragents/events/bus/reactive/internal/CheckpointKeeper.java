package ai.cleveragents.events.bus.reactive.internal;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.bus.reactive.internal.journal.CatchUpProgress;
import ai.cleveragents.events.bus.reactive.internal.journal.Checkpoint;

/**
 * Keeps a named catch-up handler's checkpoint: remembers the last record consumed and stores it when the
 * subscription has caught up (before it waits), every {@value #EVERY} records while it catches up, and
 * when it ends. So after a crash at most the records consumed since the last store come again (at least
 * once). A store that fails is logged (once until one succeeds again) and retried at the next occasion.
 * Called on the subscription's thread only.
 */
final class CheckpointKeeper implements CatchUpProgress {

    /** Store at least every this many records. */
    static final int EVERY = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointKeeper.class);

    private final CheckpointFile file;
    private Checkpoint last;
    private Checkpoint stored;
    private int sinceStored;
    private boolean failing;

    /**
     * @param file   where to store it
     * @param stored the checkpoint stored now, or {@code null}
     */
    CheckpointKeeper(CheckpointFile file, Checkpoint stored) {
        this.file = file;
        this.stored = stored;
        this.last = stored;
    }

    @Override
    public void consumed(Checkpoint checkpoint) {
        last = checkpoint;
        if (++sinceStored >= EVERY) {
            store();
        }
    }

    @Override
    public void caughtUp() {
        store();
    }

    @Override
    public void ended() {
        store();
    }

    private void store() {
        if (last == null || last.equals(stored)) {
            return;
        }
        try {
            file.write(last);
            stored = last;
            sinceStored = 0;
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                LOG.error("reactive bus: cannot store checkpoint {}: {}; the handler goes on and the store is retried",
                        file.path(), e.toString());
            }
        }
    }
}
