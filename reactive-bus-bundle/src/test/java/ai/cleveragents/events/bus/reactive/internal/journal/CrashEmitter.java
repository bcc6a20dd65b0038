package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;

/**
 * The child process of {@link JournalCrashTest}: appends events from several threads and prints the
 * id of each one once {@link Journal#append} has returned, until it is killed. It exits by itself when
 * its standard input closes (the test is gone) or after a minute.
 *
 * <p>Arguments: journal directory, durability ({@code GROUP} or {@code ALWAYS}), number of threads.
 * Every fifth event is big (a 100 KB detail, so it gets a segment of its own) and its neighbours
 * small. If the journal cannot be opened, the reason goes to standard error and the exit status is
 * {@value #CANNOT_OPEN}.
 */
public final class CrashEmitter {

    /** The exit status when the journal cannot be opened. */
    static final int CANNOT_OPEN = 3;

    private static final String BIG = "x".repeat(100 * 1024);

    private CrashEmitter() {
    }

    public static void main(String[] args) throws IOException {
        Journal journal;
        try {
            journal = Journal.open(JournalFixture.settings(Path.of(args[0]), Durability.valueOf(args[1]))
                    .withSegmentMaxBytes(32 * 1024));
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(CANNOT_OPEN);
            return;
        }
        PrintStream acks = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int threads = Integer.parseInt(args[2]);
        for (int t = 0; t < threads; t++) {
            Thread emitter = new Thread(() -> emit(journal, acks), "emitter-" + t);
            emitter.setDaemon(true);
            emitter.start();
        }
        exitWhenParentIsGone();
    }

    private static void emit(Journal journal, PrintStream acks) {
        for (int n = 0; ; n++) {
            DomainEvent e = n % 5 == 4 ? JournalFixture.event(n).toBuilder().detail("big", BIG).build()
                    : JournalFixture.event(n);
            journal.append(e, "crash.emitter/1.0.0");
            acks.println(e.eventId());
        }
    }

    private static void exitWhenParentIsGone() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.in.read() >= 0 && System.nanoTime() < deadline) {
            continue;
        }
        System.exit(0);
    }
}
