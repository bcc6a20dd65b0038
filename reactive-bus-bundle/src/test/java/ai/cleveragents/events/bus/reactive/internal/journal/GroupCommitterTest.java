package ai.cleveragents.events.bus.reactive.internal.journal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.After;
import org.junit.Test;

/** The leader/follower protocol, with a scripted force instead of a file. */
public class GroupCommitterTest {

    private static final long NEVER_MS = TimeUnit.MINUTES.toMillis(10);

    private final AtomicInteger writing = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final AtomicInteger forces = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    @After
    public void joinThreads() throws InterruptedException {
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    @Test(timeout = 10_000)
    public void aLoneAppenderForcesAtOnceWithoutWaitingForTheInterval() throws Exception {
        GroupCommitter committer = new GroupCommitter(this::forceAll, writing, () -> 1, NEVER_MS, 100);
        written.set(1);
        committer.awaitDurable(1);
        assertEquals(1, forces.get());
        committer.awaitDurable(1);
        assertEquals("already durable: no second force", 1, forces.get());
    }

    @Test(timeout = 10_000)
    public void appendersArrivingDuringAForceShareTheNextOne() throws Exception {
        ReleaseGate releaseFirst = new ReleaseGate();
        GroupCommitter committer = new GroupCommitter(() -> {
            if (forces.incrementAndGet() == 1) {
                long covered = written.get();
                releaseFirst.awaitUninterruptibly();
                return covered;
            }
            return written.get();
        }, writing, () -> 0, 0, 100);
        written.set(1);
        Thread leader = start(committer, 1);
        await().until(() -> forces.get() == 1);
        written.set(4);
        List<Thread> followers = List.of(start(committer, 2), start(committer, 3), start(committer, 4));
        for (Thread f : followers) {
            await().until(() -> f.getState() == Thread.State.WAITING);
        }
        releaseFirst.open();
        leader.join();
        for (Thread f : followers) {
            f.join();
        }
        assertEquals("three followers, one shared force", 2, forces.get());
    }

    @Test(timeout = 10_000)
    public void aLeaderWaitsForAppendersStillWritingThenForcesOnce() throws Exception {
        GroupCommitter committer = new GroupCommitter(this::forceAll, writing, () -> 1, NEVER_MS, 100);
        written.set(1);
        writing.set(1);
        Thread leader = start(committer, 1);
        await().until(() -> leader.getState() == Thread.State.TIMED_WAITING);
        assertEquals("lingering while another appender writes", 0, forces.get());
        written.set(2);
        writing.set(0);
        leader.join();
        committer.awaitDurable(2);
        assertEquals(1, forces.get());
    }

    @Test(timeout = 10_000)
    public void afterABatchOfThreeTheNextLeaderWaitsForThreePendingEvents() throws Exception {
        AtomicLong pending = new AtomicLong(3);
        GroupCommitter committer = new GroupCommitter(this::forceAll, writing, pending::get, NEVER_MS, 100);
        written.set(3);
        committer.awaitDurable(1);
        assertEquals(1, forces.get());
        written.set(4);
        pending.set(1);
        Thread leader = start(committer, 4);
        await().until(() -> leader.getState() == Thread.State.TIMED_WAITING);
        assertEquals("lingering for the steady emitters", 1, forces.get());
        written.set(6);
        pending.set(3);
        leader.join();
        assertEquals(2, forces.get());
        committer.awaitDurable(6);
        assertEquals("the batch covered all three", 2, forces.get());
    }

    @Test(timeout = 10_000)
    public void aFullBatchIsForcedWithoutLingering() throws Exception {
        GroupCommitter committer = new GroupCommitter(this::forceAll, writing, () -> 100, NEVER_MS, 100);
        written.set(1);
        writing.set(1);
        committer.awaitDurable(1);
        assertEquals(1, forces.get());
    }

    @Test(timeout = 10_000)
    public void lingeringEndsAtTheInterval() throws Exception {
        GroupCommitter committer = new GroupCommitter(this::forceAll, writing, () -> 1, 1, 100);
        written.set(1);
        writing.set(1);
        committer.awaitDurable(1);
        assertEquals(1, forces.get());
    }

    @Test(timeout = 10_000)
    public void aFailedForceFailsItsBatchAndEveryLaterWait() {
        IOException failure = new IOException("EIO");
        GroupCommitter committer = new GroupCommitter(() -> {
            forces.incrementAndGet();
            throw failure;
        }, writing, () -> 1, 0, 1);
        assertSame(failure, assertThrows(IOException.class, () -> committer.awaitDurable(1)));
        assertSame(failure, assertThrows(IOException.class, () -> committer.awaitDurable(2)));
        assertEquals(1, forces.get());
    }

    /** A one-shot gate a scripted force waits at without being interruptible. */
    private static final class ReleaseGate {
        private final CountDownLatch latch = new CountDownLatch(1);

        void awaitUninterruptibly() {
            boolean interrupted = false;
            while (true) {
                try {
                    latch.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void open() {
            latch.countDown();
        }
    }

    private long forceAll() {
        forces.incrementAndGet();
        return written.get();
    }

    private Thread start(GroupCommitter committer, long sequence) {
        Thread t = new Thread(() -> {
            try {
                committer.awaitDurable(sequence);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, "appender-" + sequence);
        threads.add(t);
        t.start();
        return t;
    }
}
