package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.redaction.TerminalText;
import ai.cleveragents.events.json.EventCodec;

public class JournalQueryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T11:00:00Z");
    private final List<DomainEvent> events = new ArrayList<>();
    private final Fakes.Journal journal = new Fakes.Journal(events);

    public JournalQueryTest() {
        for (int i = 0; i < 30; i++) {
            events.add(DomainEvent.builder(i % 2 == 0 ? EventType.PLAN_CREATED : EventType.TOOL_FAILED)
                    .timestamp(T0.plusSeconds(i)).detail("i", i).build());
        }
    }

    private static long index(DomainEvent e) {
        return ((Number) e.details().get("i")).longValue();
    }

    @Test
    public void parsesEveryOption() {
        String id = events.get(3).eventId();
        assertEquals(new JournalQuery(Optional.of(id), Optional.empty(), Set.of(), 20, false), JournalQuery.parse("--from", id));
        assertEquals(new JournalQuery(Optional.empty(), Optional.of(T0), EnumSet.copyOf(EventType.select("plan.*")), 5, true),
                JournalQuery.parse("--from", "2026-11-25T11:00:00Z", "--type", "plan.*", "-n", "5", "--json"));
        assertEquals(EnumSet.of(EventType.TOOL_FAILED, EventType.PLAN_CREATED),
                JournalQuery.parse("--type", "tool.failed,plan.created").types());
    }

    @Test
    public void badArgumentsAreNamed() {
        assertEquals("--from needs an event id (ULID) or an ISO-8601 time such as 2026-11-25T11:00:00Z, got 'yesterday'\n"
                + "usage: " + JournalQuery.USAGE,
                assertThrows(CommandException.class, () -> JournalQuery.parse("--from", "yesterday")).getMessage());
        assertEquals("unexpected argument 'x'\nusage: " + JournalQuery.USAGE,
                assertThrows(CommandException.class, () -> JournalQuery.parse("x")).getMessage());
        String type = assertThrows(CommandException.class, () -> JournalQuery.parse("--type", "plan.nope")).getMessage();
        assertTrue(type, type.startsWith("unknown event type 'plan.nope'; valid ids: "));
    }

    @Test
    public void withoutFromTheLastN() {
        List<DomainEvent> found = JournalQuery.parse("-n", "3").run(journal);
        assertEquals(List.of(27L, 28L, 29L), found.stream().map(JournalQueryTest::index).toList());
        assertEquals(20, JournalQuery.parse().run(journal).size());
    }

    @Test
    public void theLargestNDoesNotAllocateNSlots() {
        String max = String.valueOf(Integer.MAX_VALUE);
        assertEquals(30, JournalQuery.parse("-n", max).run(journal).size());
        assertEquals(30, JournalQuery.parse("-n", max, "--from", events.get(0).eventId()).run(journal).size());
    }

    @Test
    public void fromAnIdOrATimeTheFirstN() {
        String id = events.get(10).eventId();
        assertEquals(List.of(10L, 12L), JournalQuery.parse("--from", id, "-n", "2", "--type", "plan.created").run(journal)
                .stream().map(JournalQueryTest::index).toList());
        assertEquals(List.of(25L, 26L), JournalQuery.parse("--from", "2026-11-25T11:00:25Z", "-n", "2").run(journal)
                .stream().map(JournalQueryTest::index).toList());
    }

    @Test
    public void anIdNotInTheJournalIsAnError() {
        String unknown = DomainEvent.newUlid();
        assertEquals("journal: no event " + unknown + " in the journal",
                assertThrows(CommandException.class, () -> JournalQuery.parse("--from", unknown).run(journal)).getMessage());
    }

    @Test
    public void rendersLinesOrJson() {
        EventCodec codec = new EventCodec();
        List<DomainEvent> two = events.subList(0, 2);
        assertEquals(EventLines.line(two.get(0)) + "\n" + EventLines.line(two.get(1)) + "\n",
                JournalQuery.parse().render(two, codec));
        assertEquals(codec.encode(two.get(0)) + "\n" + codec.encode(two.get(1)) + "\n",
                JournalQuery.parse("--json").render(two, codec));
        assertEquals("no events in the journal\n", JournalQuery.parse().render(List.of(), codec));
        assertEquals("no events in the journal from there\n",
                JournalQuery.parse("--from", "2030-01-01T00:00:00Z").render(List.of(), codec));
    }

    @Test
    public void jsonIsRedactedAndEscapedYetStaysExactJson() {
        EventCodec codec = new EventCodec();
        DomainEvent hostile = DomainEvent.builder(EventType.TOOL_INVOKED).actorName("a\u202eb\u2028c\u009b")
                .detail("password", "hunter2").detail("note", "x\u001b[2Jy").build();

        String json = JournalQuery.parse("--json").render(List.of(hostile), codec).stripTrailing();

        assertFalse(json, json.contains("hunter2"));
        assertFalse(json, json.chars().anyMatch(c -> TerminalText.isUnsafe((char) c)));
        DomainEvent decoded = codec.decode(json);
        assertEquals("a\u202eb\u2028c\u009b", decoded.actorName());
        assertEquals("x\u001b[2Jy", decoded.details().get("note"));
        assertEquals("***", decoded.details().get("password"));
    }

    @Test
    public void executeNeedsAJournal() {
        EventCodec codec = new EventCodec();
        assertEquals(EventLines.line(events.get(29)), JournalQuery.execute(new String[] {"-n", "1"}, journal, codec));
        assertEquals("no EventJournal service (the reactive bus with journal.enabled=true provides one)",
                assertThrows(CommandException.class, () -> JournalQuery.execute(new String[0], null, codec)).getMessage());
    }
}
