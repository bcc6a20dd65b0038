package ai.cleveragents.events.bus.reactive.internal.journal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * 10,000 generated malformed JSON lines ({@link MalformedLines}, seed 9) into {@link EventCodec} and
 * into the journal's reader (segment files written by hand, then opened, recovered and replayed). See
 * docs/reliability.md.
 */
public class HostileInputTest {

    private static final long SEED = Long.getLong("hostile.seed", 9);
    private static final int LINES = Integer.getInteger("hostile.lines", Boolean.getBoolean("soak") ? 100_000 : 10_000);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @After
    public void stopWorker() {
        worker.shutdownNow();
    }

    /** Runs {@code body} with a deadline: hostile input must never hang a reader. */
    private <T> T withinOneMinute(Callable<T> body) throws Exception {
        return worker.submit(body).get(60, TimeUnit.SECONDS);
    }

    @Test
    public void theCodecRejectsEveryMalformedLineWithACodecExceptionAndNothingElse() throws Exception {
        List<MalformedLines.Line> lines = new MalformedLines(SEED).generate(LINES);
        Map<MalformedLines.Kind, int[]> rejectedAccepted = withinOneMinute(() -> decodeAll(lines));
        System.out.println("codec, " + LINES + " malformed lines, seed " + SEED + ": kind=[rejected, still valid] "
                + describe(rejectedAccepted));
        for (MalformedLines.Kind kind : MalformedLines.Kind.values()) {
            int[] counts = rejectedAccepted.get(kind);
            assertTrue(kind + " lines generated", counts[0] + counts[1] > 0);
            if (kind.alwaysInvalid) {
                assertEquals(kind + " lines can never be valid", 0, counts[1]);
            }
        }
    }

    private static Map<MalformedLines.Kind, int[]> decodeAll(List<MalformedLines.Line> lines) {
        EventCodec codec = new EventCodec();
        Map<MalformedLines.Kind, int[]> counts = new EnumMap<>(MalformedLines.Kind.class);
        for (MalformedLines.Line line : lines) {
            int[] c = counts.computeIfAbsent(line.kind(), k -> new int[2]);
            try {
                codec.decode(line.bytes());
                c[1]++;
            } catch (EventCodecException e) {
                assertTrue("a clear message for " + line.kind(), e.getMessage() != null && !e.getMessage().isBlank());
                c[0]++;
            }
        }
        return counts;
    }

    private static String describe(Map<MalformedLines.Kind, int[]> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, c) -> sb.append(k).append("=[").append(c[0]).append(", ").append(c[1]).append("] "));
        return sb.toString().trim();
    }

    @Test
    public void replaySkipsEveryMalformedLineInsideASegmentAndKeepsEveryValidEvent() throws Exception {
        MalformedLines generator = new MalformedLines(SEED);
        EventCodec codec = new EventCodec();
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        List<String> validIds = new ArrayList<>();
        int n = 0;
        int bad = 0;
        for (MalformedLines.Line line : generator.generate(LINES)) {
            if (n % 10 == 0) {
                validIds.add(appendValid(segment, codec, generator, n));
            }
            n++;
            byte[] oneLine = withoutLineFeeds(line.bytes());
            if (!decodes(codec, oneLine)) {
                segment.write(oneLine);
                segment.write('\n');
                bad++;
            }
        }
        segment.write(("{\"event_id\":\"" + "9".repeat(codec.maxBytes() + 10) + "\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        validIds.add(appendValid(segment, codec, generator, n));
        Path dir = tmp.newFolder().toPath();
        Files.write(dir.resolve(SegmentFiles.name(0, validIds.get(0))), segment.toByteArray());

        List<String> replayed = withinOneMinute(() -> JournalFixture.reopenAndReadIds(dir, Durability.GROUP));
        System.out.println("journal replay: " + bad + " malformed lines and one over the size limit skipped, "
                + validIds.size() + " valid events kept");
        assertEquals(validIds, replayed);
        try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.GROUP))) {
            assertEquals("nothing cut: the segment ends with a valid event", 0, journal.stats().truncatedBytes());
        }
    }

    @Test
    public void recoveryCutsOnlyTheUnfinishedLineAndKeepsEveryCompleteLine() throws Exception {
        MalformedLines generator = new MalformedLines(SEED + 1);
        EventCodec codec = new EventCodec();
        Path dir = tmp.newFolder().toPath();
        int checked = 0;
        for (MalformedLines.Line line : generator.generate(80)) {
            byte[] garbage = withoutLineFeeds(line.bytes());
            if (garbage.length == 0 || decodes(codec, garbage)) {
                continue;
            }
            checked++;
            ByteArrayOutputStream segment = new ByteArrayOutputStream();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(appendValid(segment, codec, generator, i));
            }
            segment.write(garbage);
            segment.write('\n');
            byte[] before = segment.toByteArray();
            segment.write(garbage, 0, garbage.length / 2);
            Files.walk(dir).filter(Files::isRegularFile).forEach(p -> p.toFile().delete());
            Path file = dir.resolve(SegmentFiles.name(0, ids.get(0)));
            Files.write(file, segment.toByteArray());
            DomainEvent next = JournalFixture.event(checked);
            List<String> after = withinOneMinute(() -> {
                try (Journal journal = Journal.open(JournalFixture.settings(dir, Durability.NONE))) {
                    assertEquals(line.kind() + ": only the unfinished line is cut", garbage.length / 2,
                            journal.stats().truncatedBytes());
                    assertEquals(line.kind() + ": the complete garbage line is reported", 1,
                            journal.knownProblems().size());
                    journal.append(next);
                    return JournalFixture.ids(journal.replaySince(Instant.EPOCH, Set.of()));
                }
            });
            ids.add(next.eventId());
            assertEquals(line.kind() + ": valid events kept, the next append readable", ids, after);
            assertArrayEquals(line.kind() + ": every complete line kept", before,
                    java.util.Arrays.copyOf(Files.readAllBytes(file), before.length));
        }
        assertTrue("malformed tails checked", checked > 60);
    }

    private static String appendValid(ByteArrayOutputStream out, EventCodec codec, MalformedLines generator, int n)
            throws java.io.IOException {
        byte[] line = generator.valid(n);
        out.write(line);
        out.write('\n');
        return codec.decode(line).eventId();
    }

    private static boolean decodes(EventCodec codec, byte[] line) {
        try {
            codec.decode(line);
            return true;
        } catch (EventCodecException e) {
            return false;
        }
    }

    private static byte[] withoutLineFeeds(byte[] line) {
        byte[] b = line.clone();
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                b[i] = ' ';
            }
        }
        return b;
    }
}
