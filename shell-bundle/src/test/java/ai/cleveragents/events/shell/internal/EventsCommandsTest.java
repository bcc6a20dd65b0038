package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/**
 * The commands with no service bound (the framework-facing paths are exercised against the real
 * distribution by the runtime's distribution test): each fails before it would print, so no session is needed.
 */
public class EventsCommandsTest {

    private final EventsCommands commands = new EventsCommands(null);

    @Test
    public void emitWithoutABusSaysSo() {
        assertEquals(BusReports.NO_BUS, assertThrows(CommandException.class, () -> commands.emit(null, "plan.created")).getMessage());
    }

    @Test
    public void argumentsAreCheckedBeforeServices() {
        assertEquals("missing event type\nusage: " + EmitRequest.USAGE,
                assertThrows(CommandException.class, () -> commands.emit(null)).getMessage());
        assertEquals("unexpected argument 'x'\nusage: " + JournalQuery.USAGE,
                assertThrows(CommandException.class, () -> commands.journal(null, "x")).getMessage());
    }

    @Test
    public void journalWithoutAJournalSaysSo() {
        assertEquals("no EventJournal service (the reactive bus with journal.enabled=true provides one)",
                assertThrows(CommandException.class, () -> commands.journal(null)).getMessage());
    }

    @Test
    public void tailFromNeedsAPositionAndAJournal() {
        assertEquals("--from needs " + ai.cleveragents.events.JournalPosition.SYNTAX + ", got 'yesterday'\nusage: "
                + TailRequest.USAGE, assertThrows(CommandException.class, () -> commands.tail(null, "--from", "yesterday"))
                .getMessage());
        assertEquals("--from needs " + ai.cleveragents.events.JournalPosition.SYNTAX + ", got '\\u001b[2J'\nusage: "
                + TailRequest.USAGE, assertThrows(CommandException.class, () -> commands.tail(null, "--from", "\u001b[2J"))
                .getMessage());
        assertEquals("tail --from: " + JournalQuery.NO_JOURNAL,
                assertThrows(CommandException.class, () -> commands.tail(null, "--from", "beginning")).getMessage());
    }
}
