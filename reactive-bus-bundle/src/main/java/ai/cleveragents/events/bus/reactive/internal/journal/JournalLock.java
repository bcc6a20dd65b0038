package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;

/**
 * The exclusive lock a journal holds on its directory for as long as it is open: an operating-system
 * lock ({@link FileChannel#tryLock()}) on the file {@value #FILE}, so a second journal on the same
 * directory, in this process or another, is refused instead of interleaving with the first. The lock
 * goes with the process ({@code kill -9} releases it). The file names its holder (process id, host and
 * start time) for the refusal message; it is never deleted, so no one can lock a file that replaced it.
 */
final class JournalLock implements AutoCloseable {

    /** The lock file's name, in the journal directory. */
    static final String FILE = "journal.lock";
    private static final int MAX_HOLDER = 200;

    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param directory the journal directory
     * @return the held lock
     * @throws IOException if another journal holds the directory (the message names the directory and
     *                     the holder), or the lock file cannot be opened (with the reason)
     */
    static JournalLock acquire(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), SegmentFiles.ownerOnlyFile());
        } catch (IOException e) {
            throw new IOException("cannot open journal lock file " + file + ": " + IoReasons.of(e), e);
        }
        FileLock lock = tryLock(ch);
        if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw new IOException("journal directory " + directory + " is in use by another journal (" + holder
                    + "); two buses must not share a journal directory");
        }
        writeHolder(ch);
        return new JournalLock(ch, lock);
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static void writeHolder(FileChannel ch) throws IOException {
        String holder = "pid " + ProcessHandle.current().pid() + " on " + host() + " since " + Instant.now() + "\n";
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.US_ASCII)), 0);
    }

    /** @return who holds the lock, as its file says, printable ASCII only */
    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(MAX_HOLDER);
        ch.read(buf, 0);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < buf.position(); i++) {
            byte c = buf.get(i);
            if (c >= 0x20 && c < 0x7f) {
                b.append((char) c);
            }
        }
        return b.length() == 0 ? "holder unknown" : "held by " + b;
    }

    private static String host() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at < 0 ? "this host" : name.substring(at + 1);
    }

    /** Releases the lock; idempotent. */
    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
