package ai.cleveragents.events.bus.reactive.internal.journal;

/**
 * A snapshot of a {@link Journal}'s counters since it was opened.
 *
 * @param appends        events appended (written to the segment)
 * @param fsyncs         {@code fsync} calls made on segments
 * @param bytesWritten   bytes appended to segments
 * @param lag            events appended but not yet forced to storage
 * @param segments       segment files in the directory, the current one included
 * @param truncatedBytes bytes of a torn or garbage tail cut off by recovery when the journal was opened
 */
public record JournalStats(long appends, long fsyncs, long bytesWritten, long lag, int segments,
        long truncatedBytes) {
}
