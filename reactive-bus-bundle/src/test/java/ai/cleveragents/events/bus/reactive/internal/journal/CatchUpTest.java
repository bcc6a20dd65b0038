package ai.cleveragents.events.bus.reactive.internal.journal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.Subscription;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Catch-up subscriptions on real journal files: replay then live flow, with no gap and no duplicate while
 * other threads append, in journal order; positions by id, by time, after a checkpoint; bad input.
 */
public class CatchUpTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BEFORE = 300;
    private static final int EMITTERS = 4;
    private static final int PER_EMITTER = 500;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<Subscription> subscriptions = new ArrayList<>();
    private Journal journal;

    @After
    public void close() throws Exception {
        subscriptions.forEach(Subscription::close);
        if (journal != null) {
            journal.close();
        }
    }

    private Journal open(Durability durability, long segmentBytes) throws Exception {
        journal = Journal.open(JournalFixture.settings(tmp.newFolder().toPath(), durability)
                .withSegmentMaxBytes(segmentBytes));
        return journal;
    }

    /** A handler keeping the ids it received, in order. */
    private static final class Received {
        final List<String> ids = Collections.synchronizedList(new ArrayList<>());

        void handle(DomainEvent e) {
            ids.add(e.eventId());
        }

        List<String> snapshot() {
            synchronized (ids) {
                return new ArrayList<>(ids);
            }
        }
    }

    private Subscription follow(JournalPosition from, Set<EventType> types, Received into) {
        Subscription s = journal.subscribeFrom(from, types, into::handle);
        subscriptions.add(s);
        return s;
    }

    @Test
    public void threeHandlersCatchingUpWhileFourThreadsEmitEachSeeEveryEventOnceInJournalOrder() throws Exception {
        open(Durability.GROUP, 16 << 10);
        Instant base = Instant.now().minus(Duration.ofHours(1));
        List<DomainEvent> old = new ArrayList<>();
        for (int i = 0; i < BEFORE; i++) {
            DomainEvent e = DomainEvent.builder(EventType.PLAN_CREATED).timestamp(base.plusSeconds(i)).detail("n", i).build();
            old.add(e);
            journal.append(e);
        }
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> emitters = new ArrayList<>();
        for (int t = 0; t < EMITTERS; t++) {
            int thread = t;
            Thread emitter = new Thread(() -> emit(thread, go, failures), "emitter-" + t);
            emitter.start();
            emitters.add(emitter);
        }
        go.countDown();
        Received fromBeginning = new Received();
        Received fromId = new Received();
        Received fromTime = new Received();
        follow(JournalPosition.beginning(), Set.of(), fromBeginning);
        await().atMost(WAIT).until(() -> journal.stats().appends() >= BEFORE + 200);
        follow(JournalPosition.atEvent(old.get(100).eventId()), Set.of(), fromId);
        await().atMost(WAIT).until(() -> journal.stats().appends() >= BEFORE + 600);
        follow(JournalPosition.since(base.plusSeconds(200)), Set.of(), fromTime);
        for (Thread emitter : emitters) {
            emitter.join(WAIT.toMillis());
        }
        assertTrue("emit failures: " + failures, failures.isEmpty());
        int total = BEFORE + EMITTERS * PER_EMITTER;
        List<String> all = JournalFixture.ids(journal.replaySince(Instant.EPOCH, Set.of()));
        assertEquals(total, all.size());
        assertTrue("rotated during the test", journal.stats().segments() > 3);
        await().atMost(WAIT).until(() -> fromBeginning.ids.size() >= total && fromId.ids.size() >= total - 100
                && fromTime.ids.size() >= total - 200);
        assertEquals(all, fromBeginning.snapshot());
        assertEquals(all.subList(100, total), fromId.snapshot());
        assertEquals(all.subList(200, total), fromTime.snapshot());
    }

    private void emit(int thread, CountDownLatch go, ConcurrentLinkedQueue<Throwable> failures) {
        try {
            go.await();
            for (int i = 0; i < PER_EMITTER; i++) {
                journal.append(DomainEvent.builder(EventType.TOOL_INVOKED).actorName("t" + thread).detail("n", i).build());
            }
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    @Test
    public void theTypeFilterAppliesAndNothingArrivesAfterClose() throws Exception {
        open(Durability.ALWAYS, JournalSettings.DEFAULT_SEGMENT_MAX_BYTES);
        journal.append(DomainEvent.of(EventType.PLAN_CREATED));
        DomainEvent tool = DomainEvent.of(EventType.TOOL_INVOKED);
        journal.append(tool);
        Received tools = new Received();
        Subscription s = follow(JournalPosition.beginning(), Set.of(EventType.TOOL_INVOKED), tools);
        await().atMost(WAIT).until(() -> tools.ids.size() == 1);
        assertEquals(List.of(tool.eventId()), tools.snapshot());
        assertTrue(s.isActive());
        s.close();
        s.close();
        assertFalse(s.isActive());
        journal.append(DomainEvent.of(EventType.TOOL_INVOKED));
        Received marker = new Received();
        follow(JournalPosition.beginning(), Set.of(EventType.TOOL_INVOKED), marker);
        await().atMost(WAIT).until(() -> marker.ids.size() == 2);
        assertEquals(1, tools.ids.size());
    }

    @Test
    public void aPositionByTimeWithNoEventYetStartsWithTheNextOneWrittenAtOrAfterIt() throws Exception {
        open(Durability.NONE, JournalSettings.DEFAULT_SEGMENT_MAX_BYTES);
        journal.append(DomainEvent.of(EventType.PLAN_CREATED));
        Received later = new Received();
        follow(JournalPosition.since(Instant.now().plusSeconds(3600)), Set.of(), later);
        journal.append(DomainEvent.of(EventType.PLAN_STARTED));
        DomainEvent future = DomainEvent.builder(EventType.PLAN_COMPLETED).timestamp(Instant.now().plusSeconds(7200)).build();
        journal.append(future);
        DomainEvent after = DomainEvent.of(EventType.PLAN_FAILED);
        journal.append(after);
        await().atMost(WAIT).until(() -> later.ids.size() == 2);
        assertEquals(List.of(future.eventId(), after.eventId()), later.snapshot());
    }

    @Test
    public void aHandlerThatThrowsGetsTheNextEventAndMayCloseItself() throws Exception {
        open(Durability.GROUP, JournalSettings.DEFAULT_SEGMENT_MAX_BYTES);
        journal.append(DomainEvent.of(EventType.PLAN_CREATED));
        journal.append(DomainEvent.of(EventType.PLAN_STARTED));
        journal.append(DomainEvent.of(EventType.PLAN_COMPLETED));
        List<EventType> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Subscription> self = new AtomicReference<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        Subscription s = journal.subscribeFrom(JournalPosition.beginning(), Set.of(), e -> {
            subscribed.await(10, TimeUnit.SECONDS);
            seen.add(e.eventType());
            if (e.eventType() == EventType.PLAN_CREATED) {
                throw new IllegalStateException("boom\u001b[31m");
            }
            if (e.eventType() == EventType.PLAN_STARTED) {
                self.get().close();
            }
        });
        self.set(s);
        subscriptions.add(s);
        subscribed.countDown();
        await().atMost(WAIT).until(() -> !s.isActive());
        assertEquals(List.of(EventType.PLAN_CREATED, EventType.PLAN_STARTED), seen);
    }

    @Test
    public void closingTheJournalDeliversWhatIsDurableThenEndsTheSubscription() throws Exception {
        open(Durability.GROUP, JournalSettings.DEFAULT_SEGMENT_MAX_BYTES);
        journal.append(DomainEvent.of(EventType.PLAN_CREATED));
        Received all = new Received();
        Subscription s = follow(JournalPosition.beginning(), Set.of(), all);
        journal.append(DomainEvent.of(EventType.PLAN_STARTED));
        journal.close();
        await().atMost(WAIT).until(() -> !s.isActive());
        assertEquals(2, all.ids.size());
        assertThrows(IllegalStateException.class, () -> journal.subscribeFrom(JournalPosition.beginning(), Set.of(),
                e -> { }));
    }

    @Test
    public void batchesAreFollowedInOrderUnderEveryPolicy() throws Exception {
        for (Durability durability : Durability.values()) {
            open(durability, 8 << 10);
            Received all = new Received();
            follow(JournalPosition.beginning(), Set.of(), all);
            List<DomainEvent> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                batch.add(JournalFixture.event(i));
            }
            journal.appendAll(batch, "test/1.0.0");
            journal.appendAll(batch.subList(0, 1).stream().map(e -> JournalFixture.event(7)).toList(), "test/1.0.0");
            await().atMost(WAIT).until(() -> all.ids.size() == 201);
            assertEquals(JournalFixture.ids(journal.replaySince(Instant.EPOCH, Set.of())), all.snapshot());
            journal.close();
        }
    }

    @Test
    public void anUnknownEventIdIsAClearErrorNamingItAndTheJournal() throws Exception {
        open(Durability.GROUP, JournalSettings.DEFAULT_SEGMENT_MAX_BYTES);
        journal.append(DomainEvent.of(EventType.PLAN_CREATED));
        String unknown = DomainEvent.of(EventType.PLAN_CREATED).eventId();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> journal.subscribeFrom(JournalPosition.atEvent(unknown), Set.of(), x -> { }));
        assertEquals("no event with id " + unknown + " in journal " + journal.directory(), e.getMessage());
        assertThrows(NullPointerException.class, () -> journal.subscribeFrom(null, Set.of(), x -> { }));
        assertThrows(NullPointerException.class, () -> journal.subscribeFrom(JournalPosition.beginning(), null, x -> { }));
        assertThrows(NullPointerException.class, () -> journal.subscribeFrom(JournalPosition.beginning(), Set.of(), null));
    }

    @Test
    public void resumingAfterACheckpointDeliversTheRestOnce() throws Exception {
        open(Durability.GROUP, 4 << 10);
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            DomainEvent e = JournalFixture.event(i);
            events.add(e);
            journal.append(e);
        }
        List<Checkpoint> progress = Collections.synchronizedList(new ArrayList<>());
        CatchUpProgress recorder = new CatchUpProgress() {
            @Override
            public void consumed(Checkpoint checkpoint) {
                progress.add(checkpoint);
            }
        };
        Received first = new Received();
        subscriptions.add(journal.subscribeFrom(JournalPosition.atEvent(events.get(10).eventId()), Set.of(),
                first::handle, recorder));
        await().atMost(WAIT).until(() -> progress.size() == 40);
        Checkpoint at29 = progress.get(19);
        assertEquals(events.get(29).eventId(), at29.eventId());
        assertEquals(30, at29.seq());
        Received resumed = new Received();
        subscriptions.add(journal.resume(at29, Set.of(), resumed::handle, CatchUpProgress.NONE));
        await().atMost(WAIT).until(() -> resumed.ids.size() == 20);
        assertEquals(JournalFixture.ids(events.subList(30, 50).stream()), resumed.snapshot());
        Received afterEvent = new Received();
        follow(JournalPosition.afterEvent(events.get(48).eventId()), Set.of(), afterEvent);
        await().atMost(WAIT).until(() -> afterEvent.ids.size() == 1);
        assertEquals(List.of(events.get(49).eventId()), afterEvent.snapshot());
    }

    @Test
    public void aCheckpointOfAnotherJournalIsAClearError() throws Exception {
        open(Durability.GROUP, JournalSettings.DEFAULT_SEGMENT_MAX_BYTES);
        journal.append(DomainEvent.of(EventType.PLAN_CREATED));
        journal.append(DomainEvent.of(EventType.PLAN_STARTED));
        String foreign = DomainEvent.of(EventType.PLAN_CREATED).eventId();
        String mismatch = assertThrows(IllegalArgumentException.class,
                () -> journal.resume(new Checkpoint(2, foreign), Set.of(), e -> { }, CatchUpProgress.NONE)).getMessage();
        assertTrue(mismatch, mismatch.startsWith("the checkpoint names record 2 as event " + foreign + " but journal "));
        assertTrue(mismatch, mismatch.endsWith(": a checkpoint of another journal"));
        String beyond = assertThrows(IllegalArgumentException.class,
                () -> journal.resume(new Checkpoint(9, foreign), Set.of(), e -> { }, CatchUpProgress.NONE)).getMessage();
        assertTrue(beyond, beyond.contains("ends before it"));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(-1, foreign));
    }

    @Test
    public void aCheckpointWhoseRecordRetentionDeletedResumesAtTheOldestRecordLeft() throws Exception {
        Path dir = tmp.newFolder().toPath();
        List<DomainEvent> events = new ArrayList<>();
        try (Journal first = Journal.open(JournalFixture.settings(dir, Durability.GROUP).withSegmentMaxBytes(1024))) {
            for (int i = 0; i < 40; i++) {
                DomainEvent e = JournalFixture.event(i);
                events.add(e);
                first.append(e);
            }
        }
        journal = Journal.open(JournalFixture.settings(dir, Durability.GROUP).withSegmentMaxBytes(1024)
                .withRetention(Duration.ZERO, 4096));
        List<String> left = JournalFixture.ids(journal.replaySince(Instant.EPOCH, Set.of()));
        assertTrue("retention deleted segments", left.size() < 40 && !left.contains(events.get(2).eventId()));
        Received resumed = new Received();
        subscriptions.add(journal.resume(new Checkpoint(3, events.get(2).eventId()), Set.of(), resumed::handle,
                CatchUpProgress.NONE));
        await().atMost(WAIT).until(() -> resumed.ids.size() == left.size());
        assertEquals(left, resumed.snapshot());
    }
}
