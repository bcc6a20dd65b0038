package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalProblem.Kind;
import ai.cleveragents.events.json.EventCodec;

/** {@code events:journal --verify} and the opening warnings of {@code events:journal}. */
public class JournalCheckTest {

    private static final List<DomainEvent> EVENTS = List.of(DomainEvent.of(EventType.PLAN_CREATED),
            DomainEvent.of(EventType.PLAN_STARTED));
    private static final JournalProblem GAP = new JournalProblem(Kind.SEQUENCE_GAP,
            "events-0000000000000002-01M8XXHJ9CY8WDP6H51V3YZVZG.jsonl", 1234, "records 5..8 missing");
    private static final JournalProblem MISSING = new JournalProblem(Kind.MISSING_SEGMENT,
            "events-0000000000000002-01M8XXHJ9CY8WDP6H51V3YZVZG.jsonl", -1, "segment 1 missing before this one");

    @Test
    public void anIntactJournalGivesItsSummary() {
        assertEquals("journal OK: 2 records in 1 segment, seq 1..2, head " + "ab".repeat(32),
                JournalCheck.verify(new String[] {"--verify"}, new Fakes.Journal(EVENTS)));
    }

    @Test
    public void everyProblemIsOneLineAndTheCommandFails() {
        CommandException e = assertThrows(CommandException.class,
                () -> JournalCheck.verify(new String[] {"--verify"}, new Fakes.Journal(EVENTS, List.of(MISSING, GAP))));
        assertEquals("MISSING_SEGMENT events-0000000000000002-01M8XXHJ9CY8WDP6H51V3YZVZG.jsonl: segment 1 missing before this one\n"
                + "SEQUENCE_GAP events-0000000000000002-01M8XXHJ9CY8WDP6H51V3YZVZG.jsonl @1234: records 5..8 missing\n"
                + "journal has 2 problems: 2 records in 1 segment, seq 1..2, head " + "ab".repeat(32), e.getMessage());
    }

    @Test
    public void verifyTakesNoOtherOptionAndNeedsAJournal() {
        assertEquals("--verify takes no other option\nusage: " + JournalCheck.USAGE, assertThrows(CommandException.class,
                () -> JournalCheck.verify(new String[] {"--verify", "-n", "3"}, new Fakes.Journal(EVENTS))).getMessage());
        assertEquals(JournalQuery.NO_JOURNAL, assertThrows(CommandException.class,
                () -> JournalCheck.verify(new String[] {"--verify"}, null)).getMessage());
    }

    @Test
    public void problemsFoundAtOpeningAreWarningLines() {
        assertTrue(JournalCheck.wanted("-n", "3", "--verify"));
        assertFalse(JournalCheck.wanted("-n", "3"));
        assertEquals("", JournalCheck.warnings(null));
        assertEquals("", JournalCheck.warnings(new Fakes.Journal(EVENTS)));
        assertEquals("WARN journal: SEQUENCE_GAP events-0000000000000002-01M8XXHJ9CY8WDP6H51V3YZVZG.jsonl @1234:"
                + " records 5..8 missing\n", JournalCheck.warnings(new Fakes.Journal(EVENTS, List.of(GAP))));
    }

    @Test
    public void theJournalCommandPutsTheOpeningWarningsBeforeItsOutputButNotBeforeJson() {
        Fakes.Journal journal = new Fakes.Journal(EVENTS, List.of(GAP));
        String plain = JournalCheck.journal(new String[0], journal, new EventCodec());
        assertTrue(plain, plain.startsWith("WARN journal: SEQUENCE_GAP "));
        assertTrue(plain, plain.contains(EVENTS.get(1).eventId()));
        String json = JournalCheck.journal(new String[] {"--json"}, journal, new EventCodec());
        assertTrue(json, json.startsWith("{\"event_id\":\"" + EVENTS.get(0).eventId()));
        assertThrows(CommandException.class, () -> JournalCheck.journal(new String[] {"--verify"}, journal,
                new EventCodec()));
    }

    @Test
    public void anUnreadableJournalIsOneLine() {
        Fakes.Journal events = new Fakes.Journal(EVENTS);
        ai.cleveragents.events.EventJournal unreadable = new ai.cleveragents.events.EventJournal() {
            @Override
            public java.util.stream.Stream<DomainEvent> replayFrom(String eventId, java.util.Set<EventType> types) {
                return events.replayFrom(eventId, types);
            }

            @Override
            public java.util.stream.Stream<DomainEvent> replaySince(java.time.Instant from, java.util.Set<EventType> types) {
                return events.replaySince(from, types);
            }

            @Override
            public java.util.Optional<String> lastEventId() {
                return events.lastEventId();
            }

            @Override
            public ai.cleveragents.events.JournalReport verify() {
                throw new java.io.UncheckedIOException("cannot list journal /j: Permission denied",
                        new java.io.IOException("Permission denied"));
            }

            @Override
            public List<JournalProblem> knownProblems() {
                return List.of();
            }

            @Override
            public ai.cleveragents.events.Subscription subscribeFrom(ai.cleveragents.events.JournalPosition from,
                    java.util.Set<EventType> types, ai.cleveragents.events.EventHandler handler) {
                return events.subscribeFrom(from, types, handler);
            }
        };
        assertEquals("journal: cannot list journal /j: Permission denied", assertThrows(CommandException.class,
                () -> JournalCheck.journal(new String[] {"--verify"}, unreadable, new EventCodec())).getMessage());
    }
}
