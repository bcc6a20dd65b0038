package ai.cleveragents.events.bus.reactive.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.bus.reactive.internal.journal.Checkpoint;
import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;

/**
 * The child process of {@link CatchUpCrashTest}: a named catch-up handler that resumes from its stored
 * checkpoint (as the whiteboard does) and prints the id of each event it handled, until it is killed or
 * its standard input closes. Arguments: journal directory, handler name.
 */
public final class CrashCatcher {

    private CrashCatcher() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        try (Journal journal = Journal.open(JournalSettings.defaults(dir).withDurability(Durability.NONE))) {
            CheckpointFile file = CheckpointFile.of(dir, args[1]);
            Optional<Checkpoint> stored = file.read();
            CheckpointKeeper keeper = new CheckpointKeeper(file, stored.orElse(null));
            if (stored.isPresent()) {
                journal.resume(stored.get(), Set.of(), CrashCatcher::print, keeper);
            } else {
                journal.subscribeFrom(JournalPosition.beginning(), Set.of(), CrashCatcher::print, keeper);
            }
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        }
    }

    private static void print(ai.cleveragents.events.DomainEvent event) {
        System.out.println(event.eventId());
        System.out.flush();
    }
}
