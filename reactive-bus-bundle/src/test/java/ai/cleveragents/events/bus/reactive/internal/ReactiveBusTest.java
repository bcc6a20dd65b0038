package ai.cleveragents.events.bus.reactive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBatchException;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventLimits;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalReport;
import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReactiveBusTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private ReactiveBus withJournal(Path dir, Durability durability) throws Exception {
        JournalStage stage = new JournalStage(Journal.open(JournalSettings.defaults(dir).withDurability(durability)),
                DetailRedactor::defaults, true);
        return new ReactiveBus(stage, new StreamPublisher(64, OverflowPolicy.BLOCK));
    }

    @Test
    public void everyEventIsInTheJournalBeforeAnyHandlerSeesIt() throws Exception {
        ReactiveBus bus = withJournal(tmp.newFolder().toPath(), Durability.GROUP);
        EventBus view = bus.engine().view(null);
        List<Boolean> journaledFirst = new ArrayList<>();
        view.subscribeAll(e -> journaledFirst.add(bus.journal().lastEventId().orElse("").equals(e.eventId())));
        for (int i = 0; i < 20; i++) {
            view.emit(DomainEvent.of(EventType.VALIDATION_PASSED));
        }
        assertEquals(20, journaledFirst.size());
        assertTrue(journaledFirst.stream().allMatch(b -> b));
        Map<String, Long> extra = view.metrics().extra();
        assertEquals(Long.valueOf(20), extra.get("journal.appends"));
        assertTrue(extra.containsKey("journal.fsyncs"));
        bus.close(1000);
    }

    @Test
    public void replayReadsBackWhatWasEmitted() throws Exception {
        Path dir = tmp.newFolder().toPath();
        ReactiveBus bus = withJournal(dir, Durability.NONE);
        EventBus view = bus.engine().view(null);
        DomainEvent a = DomainEvent.builder(EventType.PLAN_CREATED).planId("p").build();
        DomainEvent b = DomainEvent.of(EventType.TOOL_INVOKED);
        view.emit(a);
        view.emit(b);
        try (Stream<DomainEvent> all = bus.journal().replayFrom(a.eventId(), Set.of())) {
            assertEquals(List.of(a, b), all.collect(Collectors.toList()));
        }
        try (Stream<DomainEvent> plans = bus.journal().replaySince(a.timestamp(), Set.of(EventType.PLAN_CREATED))) {
            assertEquals(List.of(a), plans.collect(Collectors.toList()));
        }
        bus.close(1000);
    }

    @Test
    public void aRefusedWriteIsReportedAndNothingIsDispatched() throws Exception {
        ReactiveBus bus = withJournal(tmp.newFolder().toPath(), Durability.ALWAYS);
        EventBus view = bus.engine().view(null);
        List<DomainEvent> got = new ArrayList<>();
        view.subscribeAll(got::add);
        bus.closeJournal();
        EventRejectedException e = assertThrows(EventRejectedException.class,
                () -> view.emit(DomainEvent.of(EventType.PLAN_CREATED)));
        assertSame(EventRejectedException.Reason.JOURNAL_FAILURE, e.reason());
        assertTrue(got.isEmpty());
        assertTrue(view.metrics().emitted().isEmpty());
    }

    @Test
    public void withoutJournalEventsGoToStreamAndHandlers() throws Exception {
        ReactiveBus bus = new ReactiveBus(null, new StreamPublisher(8, OverflowPolicy.DROP_NEWEST));
        assertNull(bus.journal());
        EventBus view = bus.engine().view(null);
        TestSubscriber s = new TestSubscriber(Long.MAX_VALUE);
        bus.stream().subscribe(s);
        s.awaitSubscribed();
        view.emit(DomainEvent.of(EventType.SESSION_STARTED));
        EventBusMetrics m = view.metrics();
        assertEquals(1, m.streamSubscribers());
        assertTrue("reached the stream, so not unhandled", m.unhandled().isEmpty());
        assertEquals(0, m.drops());
        assertTrue(m.extra().containsKey("stream.subscriber.1.drops"));
        bus.close(1000);
        s.awaitTerminated();
        assertTrue(s.completed);
        assertEquals(1, s.received.size());
        assertThrows(EventRejectedException.class, () -> view.emit(DomainEvent.of(EventType.SESSION_ENDED)));
    }

    @Test
    public void replacingTheJournalKeepsAppending() throws Exception {
        ReactiveBus bus = withJournal(tmp.newFolder().toPath(), Durability.NONE);
        EventBus view = bus.engine().view(null);
        view.emit(DomainEvent.of(EventType.PLAN_CREATED));
        Path second = tmp.newFolder().toPath();
        bus.journalStage().replace(JournalSettings.defaults(second));
        assertEquals(second, bus.journalStage().settings().directory());
        DomainEvent after = DomainEvent.of(EventType.PLAN_STARTED);
        view.emit(after);
        assertEquals(after.eventId(), bus.journal().lastEventId().orElseThrow());
        bus.close(1000);
    }

    @Test
    public void replacingTheJournalInItsOwnDirectoryHandsTheLockOverAndContinuesTheChain() throws Exception {
        Path dir = tmp.newFolder().toPath();
        ReactiveBus bus = withJournal(dir, Durability.NONE);
        EventBus view = bus.engine().view(null);
        view.emit(DomainEvent.of(EventType.PLAN_CREATED));
        bus.journalStage().replace(JournalSettings.defaults(dir).withDurability(Durability.ALWAYS));
        assertEquals(Durability.ALWAYS, bus.journalStage().settings().durability());
        view.emit(DomainEvent.of(EventType.PLAN_STARTED));
        JournalReport report = bus.journal().verify();
        assertEquals(report.problems().toString(), List.of(), report.problems());
        assertEquals(2, report.lastSeq());
        bus.close(1000);
    }

    @Test
    public void anEventTooLargeForTheJournalIsRefusedAtEmitAndNothingIsLost() throws Exception {
        Path dir = tmp.newFolder().toPath();
        ReactiveBus bus = withJournal(dir, Durability.ALWAYS);
        EventBus view = bus.engine().view(null);
        List<DomainEvent> got = new ArrayList<>();
        view.subscribeAll(got::add);
        DomainEvent before = DomainEvent.of(EventType.TOOL_INVOKED);
        view.emit(before);
        DomainEvent huge = DomainEvent.builder(EventType.TOOL_INVOKED).detail("blob", "x".repeat(EventLimits.MAX_EVENT_BYTES))
                .build();
        EventRejectedException e = assertThrows(EventRejectedException.class, () -> view.emit(huge));
        assertSame(EventRejectedException.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("over the limit of 1048576 bytes"));
        DomainEvent after = DomainEvent.of(EventType.TOOL_COMPLETED);
        view.emit(after);
        assertEquals(List.of(before, after), got);
        bus.close(1000);
        try (Journal reopened = Journal.open(JournalSettings.defaults(dir))) {
            assertEquals("nothing to cut: the refused event was never written", 0, reopened.stats().truncatedBytes());
            assertEquals(List.of(), reopened.verify().problems());
            try (Stream<DomainEvent> all = reopened.replaySince(Instant.EPOCH, Set.of())) {
                assertEquals(List.of(before.eventId(), after.eventId()), all.map(DomainEvent::eventId)
                        .collect(Collectors.toList()));
            }
        }
    }

    @Test
    public void secretsAreMaskedAtRestWhileSubscribersGetTheEventAsEmitted() throws Exception {
        Path dir = tmp.newFolder().toPath();
        ReactiveBus bus = withJournal(dir, Durability.GROUP);
        EventBus view = bus.engine().view(null);
        List<DomainEvent> got = new ArrayList<>();
        view.subscribeAll(got::add);
        DomainEvent e = DomainEvent.builder(EventType.TOOL_INVOKED).detail("password", "hunter2")
                .detail("request", Map.of("api_key", "sk-123", "prompt_tokens", 42)).detail("tool", "search").build();
        view.emit(e);
        assertEquals(List.of(e), got);
        bus.close(1000);
        String file = Files.readString(onlySegment(dir));
        assertFalse(file, file.contains("hunter2") || file.contains("sk-123"));
        assertTrue(file, file.contains("\"password\":\"***\"") && file.contains("\"prompt_tokens\":42")
                && file.contains("\"tool\":\"search\""));
        try (Journal reopened = Journal.open(JournalSettings.defaults(dir));
                Stream<DomainEvent> all = reopened.replaySince(Instant.EPOCH, Set.of())) {
            DomainEvent atRest = all.findFirst().orElseThrow();
            assertEquals(e.eventId(), atRest.eventId());
            assertEquals("***", atRest.details().get("password"));
        }
    }

    /** @return the one segment file in {@code dir} */
    static Path onlySegment(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> segments = files.filter(f -> f.toString().endsWith(".jsonl")).collect(Collectors.toList());
            assertEquals(1, segments.size());
            return segments.get(0);
        }
    }

    @Test
    public void aBatchIsDurableWithOneFsyncBeforeAnyOfItIsDeliveredAndMaskedAtRest() throws Exception {
        Path dir = tmp.newFolder().toPath();
        ReactiveBus bus = withJournal(dir, Durability.ALWAYS);
        EventBus view = bus.engine().view(null);
        List<DomainEvent> got = new ArrayList<>();
        List<String> journalHeadAtDelivery = new ArrayList<>();
        view.subscribeAll(e -> {
            got.add(e);
            journalHeadAtDelivery.add(bus.journal().lastEventId().orElse(""));
        });
        List<DomainEvent> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(DomainEvent.builder(EventType.TOOL_INVOKED).detail("n", i).detail("password", "hunter2").build());
        }
        view.emitAll(batch);
        assertEquals(batch, got);
        assertTrue("the whole batch is durable before its first event is delivered",
                journalHeadAtDelivery.stream().allMatch(batch.get(49).eventId()::equals));
        assertEquals(Long.valueOf(1), view.metrics().extra().get("journal.fsyncs"));
        DomainEvent huge = DomainEvent.builder(EventType.TOOL_INVOKED).detail("blob", "x".repeat(EventLimits.MAX_EVENT_BYTES))
                .build();
        EventBatchException e = assertThrows(EventBatchException.class,
                () -> view.emitAll(List.of(DomainEvent.of(EventType.TOOL_INVOKED), huge)));
        assertEquals(0, e.accepted());
        assertSame(EventRejectedException.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("event 2 of a batch of 2 (" + huge.eventId() + ")"));
        assertEquals(50, got.size());
        bus.close(1000);
        try (Journal reopened = Journal.open(JournalSettings.defaults(dir));
                Stream<DomainEvent> all = reopened.replaySince(Instant.EPOCH, Set.of())) {
            List<DomainEvent> atRest = all.collect(Collectors.toList());
            assertEquals(50, atRest.size());
            assertTrue(atRest.stream().allMatch(r -> "***".equals(r.details().get("password"))));
        }
    }
}
