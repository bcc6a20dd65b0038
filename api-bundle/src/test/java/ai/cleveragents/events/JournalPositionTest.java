package ai.cleveragents.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.time.Instant;

import org.junit.Test;

/** The text form and the values of {@link JournalPosition}. */
public class JournalPositionTest {

    private final String id = DomainEvent.of(EventType.PLAN_CREATED).eventId();

    @Test
    public void parsesBeginningAnEventIdAndAnInstant() {
        assertSame(JournalPosition.beginning(), JournalPosition.parse(" beginning "));
        assertEquals(JournalPosition.atEvent(id), JournalPosition.parse(id));
        assertEquals(JournalPosition.Kind.AT_EVENT, JournalPosition.parse(id).kind());
        JournalPosition since = JournalPosition.parse("2026-11-25T11:00:00Z");
        assertEquals(JournalPosition.Kind.SINCE, since.kind());
        assertEquals(Instant.parse("2026-11-25T11:00:00Z"), since.instant());
        assertNull(since.eventId());
        assertEquals("2026-11-25T11:00:00Z", since.toString());
        assertEquals(id, JournalPosition.parse(id).toString());
        assertEquals("beginning", JournalPosition.beginning().toString());
    }

    @Test
    public void anUnparseableTimeOrUnknownWordIsAClearErrorThatDoesNotQuoteIt() {
        for (String bad : new String[] {"yesterday", "2026-13-45T99:00:00Z", "", "\u001b[31m"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalPosition.parse(bad));
            assertEquals("not a journal position: expected " + JournalPosition.SYNTAX, e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> JournalPosition.parse(null));
    }

    @Test
    public void positionsByEventNeedAnEventId() {
        assertEquals("not an event id (a 26-character ULID)",
                assertThrows(IllegalArgumentException.class, () -> JournalPosition.afterEvent("x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> JournalPosition.atEvent("x"));
        assertThrows(NullPointerException.class, () -> JournalPosition.atEvent(null));
        assertThrows(NullPointerException.class, () -> JournalPosition.since(null));
        JournalPosition after = JournalPosition.afterEvent(id);
        assertEquals(JournalPosition.Kind.AFTER_EVENT, after.kind());
        assertEquals(id, after.eventId());
        assertNull(after.instant());
        assertEquals("after:" + id, after.toString());
        assertNotEquals(JournalPosition.atEvent(id), after);
        assertEquals(JournalPosition.afterEvent(id), after);
        assertEquals(JournalPosition.afterEvent(id).hashCode(), after.hashCode());
        assertNotEquals(after, id);
    }
}
