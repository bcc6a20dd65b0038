package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.List;

import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;

/**
 * Finds the record of an event by its id without reading the journal line by line: it searches the raw
 * bytes of the segments for {@code "event_id":"<id>"}, newest segment first (a checkpoint or a snapshot
 * names a recent event), and decodes only the line around a match to confirm it. If an id occurs more
 * than once, the last occurrence is found. Not thread-safe; one search at a time.
 */
final class EventLocator {

    /** Where the record is: extent {@code index} of the list searched, bytes [lineStart, lineEnd). */
    record Found(int index, long lineStart, long lineEnd, JournalRecord record) {
    }

    private static final int CHUNK = 1 << 20;
    /** The id sits in a line's first bytes: the journal's fields (with the emitter), then the event id. */
    private static final int HEAD = 2048;

    private final RecordDecoder decoder;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);

    EventLocator(EventCodec codec) {
        this.decoder = new RecordDecoder(codec, false);
    }

    /**
     * @return the record of {@code eventId} in {@code extents}, or {@code null} if none holds it
     * @throws UncheckedIOException if a segment cannot be read (one deleted meanwhile is skipped)
     */
    Found find(List<ReplayCursor.Extent> extents, String eventId) {
        byte[] pattern = RecordFormat.ascii("\"event_id\":\"" + eventId + "\"");
        for (int i = extents.size() - 1; i >= 0; i--) {
            ReplayCursor.Extent extent = extents.get(i);
            try (FileChannel ch = FileChannel.open(extent.path(), StandardOpenOption.READ)) {
                Found found = search(ch, extent, i, pattern, eventId);
                if (found != null) {
                    return found;
                }
            } catch (NoSuchFileException deletedByRetention) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read journal segment " + extent.path() + ": " + IoReasons.of(e), e);
            }
        }
        return null;
    }

    private Found search(FileChannel ch, ReplayCursor.Extent extent, int index, byte[] pattern, String eventId)
            throws IOException {
        Found last = null;
        long base = extent.start();
        while (base < extent.end()) {
            int length = read(ch, base, (int) Math.min(CHUNK, extent.end() - base));
            byte[] bytes = chunk.array();
            for (int at = indexOf(bytes, 0, length, pattern); at >= 0; at = indexOf(bytes, at + 1, length, pattern)) {
                Found found = confirm(ch, extent, index, base + at, eventId);
                last = found != null ? found : last;
            }
            if (base + length >= extent.end()) {
                break;
            }
            base += Math.max(1, length - pattern.length + 1);
        }
        return last;
    }

    /** Decodes the line holding offset {@code match}; a record of another event (a detail that looks alike) is no match. */
    private Found confirm(FileChannel ch, ReplayCursor.Extent extent, int index, long match, String eventId) throws IOException {
        long from = Math.max(extent.start(), match - HEAD);
        ByteBuffer head = ByteBuffer.allocate((int) (match - from));
        ch.read(head, from);
        long lineStart = from;
        for (int i = head.position() - 1; i >= 0; i--) {
            if (head.get(i) == '\n') {
                lineStart = from + i + 1;
                break;
            }
        }
        try (LineReader reader = extent.withStart(lineStart).openLines()) {
            if (!reader.next() || !reader.terminated() || reader.overlong()) {
                return null;
            }
            JournalRecord record = decoder.decode(reader.bytes(), reader.length());
            return record.event().eventId().equals(eventId) ? new Found(index, lineStart, reader.position(), record) : null;
        } catch (EventCodecException notARecord) {
            return null;
        }
    }

    private int read(FileChannel ch, long position, int length) throws IOException {
        chunk.clear().limit(length);
        while (chunk.hasRemaining()) {
            if (ch.read(chunk, position + chunk.position()) < 0) {
                break;
            }
        }
        return chunk.position();
    }

    private static int indexOf(byte[] bytes, int from, int end, byte[] pattern) {
        byte first = pattern[0];
        for (int i = from; i + pattern.length <= end; i++) {
            if (bytes[i] == first && LinePrefilter.matches(bytes, end, i, pattern)) {
                return i;
            }
        }
        return -1;
    }
}
