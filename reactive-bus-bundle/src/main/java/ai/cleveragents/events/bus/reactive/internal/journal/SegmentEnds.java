package ai.cleveragents.events.bus.reactive.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import ai.cleveragents.events.json.EventCodecException;

/**
 * The first and last records of a segment, found without reading it whole: the first by reading
 * forward to the first line that decodes, the last by reading backward from the end. Complete lines
 * after the last record that do not decode are counted, for reporting.
 *
 * @param first            the first record, or {@code null} if no line decodes
 * @param last             the last record, or {@code null} if no line decodes
 * @param undecodableAtEnd complete lines after {@code last} that are not records
 * @param undecodableFrom  the offset of the first of those, or -1
 * @param tornFrom         the offset just after the last line feed if bytes follow it (an unfinished
 *                         line), else -1
 */
record SegmentEnds(JournalRecord first, JournalRecord last, int undecodableAtEnd, long undecodableFrom,
        long tornFrom) {

    /**
     * @param segment the segment, whose lines all end in a line feed (after {@link TailRecovery})
     * @param decoder decodes lines
     * @return what was found
     * @throws IOException if the file cannot be read
     */
    static SegmentEnds of(Path segment, RecordDecoder decoder) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            long size = ch.size();
            long end = TailRecovery.lineStart(ch, size);
            long torn = end < size ? end : -1;
            int undecodable = 0;
            long from = -1;
            while (end > 0) {
                long start = TailRecovery.lineStart(ch, end - 1);
                JournalRecord last = decode(ch, start, end - 1, decoder);
                if (last != null) {
                    return new SegmentEnds(first(ch, decoder), last, undecodable, from, torn);
                }
                if (end - 1 > start) {
                    undecodable++;
                    from = start;
                }
                end = start;
            }
            return new SegmentEnds(null, null, undecodable, from, torn);
        }
    }

    private static JournalRecord first(FileChannel ch, RecordDecoder decoder) throws IOException {
        ch.position(0);
        LineReader lines = new LineReader(Channels.newInputStream(ch), 0);
        while (lines.next()) {
            if (!lines.overlong() && lines.length() > 0) {
                try {
                    return decoder.decode(lines.bytes(), lines.length());
                } catch (EventCodecException notARecord) {
                    continue;
                }
            }
        }
        return null;
    }

    /** @return the record in bytes [from, to), or {@code null} if they are not one */
    private static JournalRecord decode(FileChannel ch, long from, long to, RecordDecoder decoder)
            throws IOException {
        long length = to - from;
        if (length == 0 || length > LineReader.MAX_LINE) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        TailRecovery.readFully(ch, buf, from);
        byte[] line = buf.array();
        int n = line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        try {
            return decoder.decode(line, n);
        } catch (EventCodecException e) {
            return null;
        }
    }
}
