package ai.cleveragents.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.Test;

public class EventTypeTest {

    private static final Pattern DOTTED_ID = Pattern.compile("[a-z]+\\.[a-z]+(_[a-z]+)*");

    private static final List<String> DOMAINS = List.of("plan", "decision", "actor", "tool", "resource",
            "sandbox", "validation", "session", "budget", "invariant", "context");

    @Test
    public void thereAreExactly38TypesIn11Domains() {
        assertEquals(38, EventType.values().length);
        assertEquals(38, EventType.ids().size());
        assertEquals(DOMAINS, List.copyOf(EventType.domains()));
    }

    @Test
    public void everyIdIsUniqueDottedAndInItsDomain() {
        Set<String> seen = new HashSet<>();
        for (EventType t : EventType.values()) {
            assertTrue("duplicate id " + t.id(), seen.add(t.id()));
            assertTrue("not dotted lower snake case: " + t.id(), DOTTED_ID.matcher(t.id()).matches());
            assertEquals(t.id(), t.domain() + "." + t.shortName());
            assertTrue("unknown domain " + t.domain(), DOMAINS.contains(t.domain()));
            assertEquals("enum constant and id disagree", t.name(), t.id().toUpperCase().replace('.', '_'));
            assertEquals(t.id(), t.toString());
        }
    }

    @Test
    public void fromIdRoundTripsEveryType() {
        for (EventType t : EventType.values()) {
            assertSame(t, EventType.fromId(t.id()));
        }
    }

    @Test
    public void fromIdRejectsUnknownIdsListingTheValidOnes() {
        for (String bad : List.of("plan.exploded", "PLAN.CREATED", "plan", "", "plan.created ", "*")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventType.fromId(bad));
            assertTrue(e.getMessage(), e.getMessage().startsWith("unknown event type '" + bad + "'"));
            for (String id : EventType.ids()) {
                assertTrue("message lacks " + id, e.getMessage().contains(id));
            }
        }
    }

    @Test
    public void fromIdRejectsNull() {
        assertThrows(NullPointerException.class, () -> EventType.fromId(null));
    }

    @Test
    public void selectAcceptsAnIdADomainAndEverything() {
        assertEquals(EnumSet.of(EventType.TOOL_FAILED), EventType.select("tool.failed"));
        assertEquals(EnumSet.of(EventType.TOOL_FAILED), EventType.select("  tool.failed\t"));
        assertEquals(EnumSet.of(EventType.TOOL_INVOKED, EventType.TOOL_COMPLETED, EventType.TOOL_FAILED),
                EventType.select("tool.*"));
        assertEquals(EnumSet.allOf(EventType.class), EventType.select("*"));
        assertEquals(EnumSet.allOf(EventType.class), EventType.select(" * "));
        int total = 0;
        for (String domain : EventType.domains()) {
            Set<EventType> types = EventType.select(domain + ".*");
            for (EventType t : types) {
                assertEquals(domain, t.domain());
            }
            total += types.size();
        }
        assertEquals(38, total);
    }

    @Test
    public void selectRejectsUnknownDomainsListingTheValidOnes() {
        for (String bad : List.of("nope.*", ".*", "*.*", "plan.created.*", "PLAN.*")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventType.select(bad));
            assertTrue(e.getMessage(), e.getMessage().contains("in selector '" + bad + "'"));
            assertTrue(e.getMessage(), e.getMessage().contains("valid domains: " + String.join(", ", DOMAINS)));
        }
    }

    @Test
    public void selectRejectsUnknownIdsAndBlankSelectors() {
        for (String bad : List.of("plan.exploded", "plan", "", "   ", "**", "plan*")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventType.select(bad));
            assertTrue(e.getMessage(), e.getMessage().contains("valid ids: plan.created"));
        }
        assertThrows(NullPointerException.class, () -> EventType.select(null));
    }

    @Test
    public void idsAndDomainsAreUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> EventType.ids().add("x.y"));
        assertThrows(UnsupportedOperationException.class, () -> EventType.domains().clear());
    }
}
