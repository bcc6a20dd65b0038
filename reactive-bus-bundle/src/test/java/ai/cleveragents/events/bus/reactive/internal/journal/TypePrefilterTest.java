package ai.cleveragents.events.bus.reactive.internal.journal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.json.EventCodec;

/** Lines of unwanted types skipped without decoding; anything unclear decoded as before. */
public class TypePrefilterTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final EventCodec codec = new EventCodec();

    private byte[] record(DomainEvent e) {
        byte[] line = new RecordChain(0, null).seal(RecordFormat.ascii("unknown"), codec.encodeToBytes(e)).line();
        return java.util.Arrays.copyOf(line, line.length - 1);
    }

    private static boolean skips(TypePrefilter p, byte[] line) {
        return p.skips(line, line.length);
    }

    @Test
    public void aLineOfAnUnwantedTypeIsSkippedAndOfAWantedOneKept() {
        TypePrefilter plans = TypePrefilter.of(Set.of(EventType.PLAN_CREATED, EventType.PLAN_COMPLETED));
        assertTrue(skips(plans, record(DomainEvent.of(EventType.DECISION_CREATED))));
        assertFalse(skips(plans, record(DomainEvent.of(EventType.PLAN_CREATED))));
        assertFalse(skips(plans, record(DomainEvent.of(EventType.PLAN_COMPLETED))));
        assertTrue("a 1.0 line is a bare event", skips(plans, codec.encodeToBytes(DomainEvent.of(EventType.TOOL_INVOKED))));
        assertNull("every type wanted: no prefilter", TypePrefilter.of(Set.of()));
    }

    @Test
    public void aLineWhoseTypeIsNotWhereTheJournalWritesItIsNeverSkipped() {
        TypePrefilter plans = TypePrefilter.of(Set.of(EventType.PLAN_CREATED));
        byte[] typeAfterDetails = "{\"event_id\":\"x\",\"details\":{\"event_type\":\"tool.invoked\"},\"event_type\":\"plan.created\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(skips(plans, typeAfterDetails));
        assertFalse(skips(plans, "garbage".getBytes(StandardCharsets.UTF_8)));
        byte[] cut = "{\"event_id\":\"x\",\"event_type\":\"plan.cre".getBytes(StandardCharsets.UTF_8);
        assertTrue("a type that is none of the wanted ones, even cut short", skips(plans, cut));
        byte[] far = ("{\"event_id\":\"" + "x".repeat(500) + "\",\"event_type\":\"tool.invoked\"}").getBytes(StandardCharsets.UTF_8);
        assertFalse("beyond the window: decoded", skips(plans, far));
    }

    @Test
    public void aReplayByTypeSkipsOtherLinesEvenDamagedOnesAndKeepsTheWantedInOrder() throws Exception {
        Path dir = tmp.getRoot().toPath();
        List<DomainEvent> plans;
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.NONE))) {
            for (int i = 0; i < 30; i++) {
                journal.append(JournalFixture.event(i));
            }
        }
        Path segment = SegmentFiles.list(dir).get(0).path();
        Files.write(segment, "{\"seq\":99,\"prev\":\"x\",\"event_id\":\"y\",\"event_type\":\"tool.invoked\",broken\n"
                .getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.NONE));
                Stream<DomainEvent> all = journal.replaySince(Instant.EPOCH, Set.of());
                Stream<DomainEvent> created = journal.replaySince(Instant.EPOCH, Set.of(EventType.PLAN_CREATED))) {
            plans = all.filter(e -> e.eventType() == EventType.PLAN_CREATED).collect(Collectors.toList());
            assertEquals(10, plans.size());
            assertEquals(plans, created.collect(Collectors.toList()));
        }
    }
}
