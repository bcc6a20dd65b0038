package ai.cleveragents.events.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import org.junit.Test;

public class JsonLinesTest {

    private final EventCodec codec = new EventCodec();

    private static List<DomainEvent> events(int n) {
        List<DomainEvent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EventType type = EventType.values()[i % EventType.values().length];
            list.add(DomainEvent.builder(type).detail("i", i).detail("text", "line\nbreak ✓").build());
        }
        return list;
    }

    private byte[] write(List<DomainEvent> events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonLinesWriter writer = new JsonLinesWriter(out, codec)) {
            for (DomainEvent e : events) {
                writer.write(e);
            }
        }
        return out.toByteArray();
    }

    private static JsonLinesReader reader(String text, EventCodec codec) {
        return new JsonLinesReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), codec);
    }

    private static List<DomainEvent> readAll(JsonLinesReader reader) throws IOException {
        List<DomainEvent> read = new ArrayList<>();
        for (DomainEvent e = reader.next(); e != null; e = reader.next()) {
            read.add(e);
        }
        return read;
    }

    @Test
    public void writesOneEventPerLineAndReadsThemBack() throws IOException {
        List<DomainEvent> events = events(100);
        byte[] bytes = write(events);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(100, text.split("\n", -1).length - 1);
        assertTrue(text.endsWith("}\n"));
        try (JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(bytes), codec)) {
            assertEquals(events, readAll(reader));
            assertEquals(100, reader.lineNumber());
            assertEquals(bytes.length, reader.position());
            assertNull("end of input stays the end", reader.next());
        }
    }

    @Test
    public void linesLongerThanTheReadChunkAreRead() throws IOException {
        DomainEvent big = DomainEvent.builder(EventType.CONTEXT_UPDATED).detail("blob", "x".repeat(50_000)).build();
        List<DomainEvent> events = List.of(big, DomainEvent.of(EventType.CONTEXT_COMPACTED), big);
        try (JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(write(events)), codec)) {
            assertEquals(events, readAll(reader));
        }
    }

    @Test
    public void positionAndLineNumberFollowEachLine() throws IOException {
        String first = codec.encode(DomainEvent.of(EventType.PLAN_CREATED));
        String second = codec.encode(DomainEvent.of(EventType.PLAN_STARTED));
        String text = first + "\r\n\n  \n" + second;
        try (JsonLinesReader reader = reader(text, codec)) {
            assertEquals(0, reader.lineNumber());
            assertEquals(0, reader.position());
            reader.next();
            assertEquals(1, reader.lineNumber());
            assertEquals(first.length() + 2, reader.position());
            EventCodecException blank = assertThrows(EventCodecException.class, reader::next);
            assertTrue(blank.getMessage(), blank.getMessage().startsWith("line 3: expected a JSON object"));
            assertEquals(first.length() + 2 + 1 + 3, reader.position());
            assertEquals(EventType.PLAN_STARTED, reader.next().eventType());
            assertEquals(4, reader.lineNumber());
            assertEquals(text.length(), reader.position());
            assertNull(reader.next());
            assertEquals(4, reader.lineNumber());
        }
    }

    @Test
    public void crlfAndEmptyLinesAreAccepted() throws IOException {
        List<DomainEvent> events = events(3);
        StringBuilder text = new StringBuilder("\n\r\n");
        for (DomainEvent e : events) {
            text.append(codec.encode(e)).append("\r\n\r\n");
        }
        try (JsonLinesReader reader = reader(text.toString(), codec)) {
            assertEquals(events, readAll(reader));
            assertEquals(2 + 3 * 2, reader.lineNumber());
        }
    }

    @Test
    public void theLastLineNeedsNoTerminator() throws IOException {
        DomainEvent e = DomainEvent.of(EventType.SESSION_ENDED);
        try (JsonLinesReader reader = reader(codec.encode(e), codec)) {
            assertEquals(e, reader.next());
            assertNull(reader.next());
        }
    }

    @Test
    public void emptyInputHasNoEvents() throws IOException {
        try (JsonLinesReader reader = reader("", codec)) {
            assertNull(reader.next());
            assertEquals(0, reader.lineNumber());
        }
    }

    @Test
    public void aBadLineIsReportedWithItsNumberAndReadingGoesOn() throws IOException {
        DomainEvent a = DomainEvent.of(EventType.TOOL_INVOKED);
        DomainEvent b = DomainEvent.of(EventType.TOOL_COMPLETED);
        String text = codec.encode(a) + "\n{\"event_id\":\n" + codec.encode(b) + "\n";
        try (JsonLinesReader reader = reader(text, codec)) {
            assertEquals(a, reader.next());
            EventCodecException e = assertThrows(EventCodecException.class, reader::next);
            assertTrue(e.getMessage(), e.getMessage().startsWith("line 2: malformed JSON: "));
            assertTrue(e.getCause() instanceof EventCodecException);
            assertEquals(b, reader.next());
            assertEquals(3, reader.lineNumber());
        }
    }

    @Test
    public void anOversizedLineIsSkippedAndReadingGoesOn() throws IOException {
        DomainEvent small = DomainEvent.of(EventType.BUDGET_CONSUMED);
        String line = codec.encode(small);
        EventCodec limited = new EventCodec(line.length());
        String oversized = codec.encode(DomainEvent.builder(EventType.BUDGET_EXCEEDED)
                .detail("blob", "y".repeat(100_000)).build());
        String text = line + "\n" + oversized + "\r\n" + line + "\r\n" + oversized;
        try (JsonLinesReader reader = reader(text, limited)) {
            assertEquals(small, reader.next());
            EventCodecException e = assertThrows(EventCodecException.class, reader::next);
            assertEquals("line 2: input of " + oversized.length() + " bytes exceeds the limit of " + line.length()
                    + " bytes", e.getMessage());
            assertEquals(line.length() + 1 + oversized.length() + 2, reader.position());
            assertEquals(small, reader.next());
            e = assertThrows(EventCodecException.class, reader::next);
            assertTrue(e.getMessage(), e.getMessage().startsWith("line 4: input of " + oversized.length() + " bytes"));
            assertNull(reader.next());
            assertEquals(text.length(), reader.position());
        }
    }

    @Test
    public void aLineExactlyAtTheLimitIsAcceptedWithOrWithoutCr() throws IOException {
        DomainEvent e = DomainEvent.of(EventType.BUDGET_ALLOCATED);
        String line = codec.encode(e);
        EventCodec limited = new EventCodec(line.length());
        try (JsonLinesReader reader = reader(line + "\r\n" + line + "\n" + line + " \r\n", limited)) {
            assertEquals(e, reader.next());
            assertEquals(e, reader.next());
            EventCodecException tooLong = assertThrows(EventCodecException.class, reader::next);
            assertTrue(tooLong.getMessage(), tooLong.getMessage().startsWith(
                    "line 3: input of " + (line.length() + 1) + " bytes exceeds"));
        }
    }

    @Test
    public void aLimitAsLargeAsAnIntIsUsable() throws IOException {
        List<DomainEvent> events = events(3);
        try (JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(write(events)),
                new EventCodec(Integer.MAX_VALUE))) {
            assertEquals(events, readAll(reader));
        }
    }

    @Test
    public void readerReportsInputFailures() throws IOException {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("gone");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("gone");
            }
        };
        try (JsonLinesReader reader = new JsonLinesReader(failing, codec)) {
            assertEquals("gone", assertThrows(IOException.class, reader::next).getMessage());
        }
    }

    @Test
    public void closingTheReaderClosesItsInput() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new JsonLinesReader(in, codec).close();
        assertTrue(closed[0]);
    }

    @Test
    public void writerNeitherFlushesPerEventNorHidesFailures() throws IOException {
        int[] flushes = {0};
        boolean[] closed = {false};
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream counting = new FilterOutputStream(sink) {
            @Override
            public void flush() throws IOException {
                flushes[0]++;
                super.flush();
            }

            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        JsonLinesWriter writer = new JsonLinesWriter(counting, codec);
        for (DomainEvent e : events(10)) {
            writer.write(e);
        }
        assertEquals("the caller decides when to flush", 0, flushes[0]);
        writer.flush();
        assertEquals(1, flushes[0]);
        writer.close();
        assertTrue(closed[0]);
        assertEquals(10, new String(sink.toByteArray(), StandardCharsets.UTF_8).split("\n").length);
    }

    @Test
    public void writerThrowsTheStreamsIoException() {
        IOException failure = new IOException("disk full");
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw failure;
            }
        };
        JsonLinesWriter writer = new JsonLinesWriter(broken, codec);
        assertSame(failure, assertThrows(IOException.class, () -> writer.write(DomainEvent.of(EventType.TOOL_FAILED))));
    }

    @Test
    public void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> new JsonLinesReader(null, codec));
        assertThrows(NullPointerException.class, () -> new JsonLinesReader(new ByteArrayInputStream(new byte[0]), null));
        assertThrows(NullPointerException.class, () -> new JsonLinesWriter(null, codec));
        assertThrows(NullPointerException.class, () -> new JsonLinesWriter(new ByteArrayOutputStream(), null));
        assertThrows(NullPointerException.class, () -> new JsonLinesWriter(new ByteArrayOutputStream(), codec).write(null));
    }
}
