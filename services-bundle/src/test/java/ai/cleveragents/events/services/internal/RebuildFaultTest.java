package ai.cleveragents.events.services.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalReport;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanPhase;

import org.junit.Test;

/**
 * Faults a real journal cannot be made to show on demand: a read that fails part-way through the
 * replay, many problems at once, and problems the journal reports at opening. The journal here is a
 * list of events recorded from the real services, read back through the {@link EventJournal} contract.
 */
public class RebuildFaultTest {

    /** Replays a fixed list of events, then fails with {@code failure} if one is given. */
    private static final class ListJournal implements EventJournal {

        final List<DomainEvent> events;
        final List<JournalProblem> problems;
        final RuntimeException failure;

        ListJournal(List<DomainEvent> events, List<JournalProblem> problems, RuntimeException failure) {
            this.events = events;
            this.problems = problems;
            this.failure = failure;
        }

        @Override
        public Stream<DomainEvent> replayFrom(String eventId, Set<EventType> types) {
            throw new UnsupportedOperationException("the services replay from the start");
        }

        @Override
        public Stream<DomainEvent> replaySince(Instant from, Set<EventType> types) {
            Iterator<DomainEvent> listed = events.stream().filter(e -> types.contains(e.eventType())).iterator();
            Iterator<DomainEvent> failing = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    if (!listed.hasNext() && failure != null) {
                        throw failure;
                    }
                    return listed.hasNext();
                }

                @Override
                public DomainEvent next() {
                    return listed.next();
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(failing, 0), false);
        }

        @Override
        public Optional<String> lastEventId() {
            return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1).eventId());
        }

        @Override
        public JournalReport verify() {
            return new JournalReport(1, events.size(), 0, 0, "", problems);
        }

        @Override
        public List<JournalProblem> knownProblems() {
            return problems;
        }

        @Override
        public Subscription subscribeFrom(JournalPosition from, Set<EventType> types, EventHandler handler) {
            throw new UnsupportedOperationException("the services replay, they do not subscribe");
        }
    }

    private static List<DomainEvent> twoPlansWritten(List<Plan> plans) {
        RecordingBus recorder = new RecordingBus("written");
        PlanLifecycleComponent writer = new PlanLifecycleComponent(Configs.plan(1000), (java.nio.file.Path) null);
        writer.bus = recorder.bus;
        plans.add(writer.useAction("a", "proj", "s", "me", Map.of(), null));
        plans.add(writer.advancePlan(writer.useAction("b", "proj", "s", "me", Map.of(), null).planId()));
        recorder.close();
        return new ArrayList<>(recorder.events);
    }

    private static PlanLifecycleComponent rebuiltFrom(EventJournal journal) {
        PlanLifecycleComponent plans = new PlanLifecycleComponent(Configs.plan(1000), (java.nio.file.Path) null);
        plans.bindJournal(journal);
        plans.plans();
        return plans;
    }

    @Test
    public void aReadFailingPartWayKeepsWhatWasRebuiltAndSaysWhere() {
        List<Plan> written = new ArrayList<>();
        List<DomainEvent> events = twoPlansWritten(written);
        PlanLifecycleComponent plans = rebuiltFrom(new ListJournal(events, List.of(),
                new UncheckedIOException("disk", new IOException("Input/output error"))));

        assertEquals(written, plans.plans());
        assertEquals(List.of("the replay stopped after 3 events: UncheckedIOException"), plans.rebuildProblems());
        assertEquals(PlanPhase.EXECUTING, plans.advancePlan(written.get(1).planId()).phase());
        plans.deactivate();
    }

    @Test
    public void journalProblemsAreNamedWithTheirSegmentAndManyProblemsAreCounted() {
        List<Plan> written = new ArrayList<>();
        List<DomainEvent> events = twoPlansWritten(written);
        List<JournalProblem> problems = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            problems.add(new JournalProblem(JournalProblem.Kind.MISSING_SEGMENT, "events-000" + i + ".jsonl", -1,
                    "segment " + i + " is missing"));
        }
        PlanLifecycleComponent plans = rebuiltFrom(new ListJournal(events, problems, null));

        assertEquals(written, plans.plans());
        assertEquals(Rebuild.MAX_NAMED, plans.rebuildProblems().size());
        assertEquals("journal MISSING_SEGMENT events-0000.jsonl: segment 0 is missing", plans.rebuildProblems().get(0));
        assertEquals(7L, (long) plans.metrics().get("rebuild.problems"));
        assertTrue(plans.metrics().get("rebuild.cpu.millis") >= 0);
        plans.deactivate();
    }
}
