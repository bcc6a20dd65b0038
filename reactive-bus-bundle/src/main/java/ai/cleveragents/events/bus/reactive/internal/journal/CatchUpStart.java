package ai.cleveragents.events.bus.reactive.internal.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.json.EventCodec;

/**
 * Where a {@link JournalFollower} starts: a segment and a byte offset in it, the sequence number of the
 * record before (0 if unknown), and, for a position by time, the instant the first delivered event must
 * reach. Resolving a position by event id searches the segments' bytes from the newest ({@link EventLocator});
 * by checkpoint, it reads the journal up to that record, decoding only from it on ({@link SeqPrefilter}).
 *
 * @param segment the sequence of the segment to start in (a deleted one: the next present one)
 * @param offset  the byte offset in that segment
 * @param lastSeq the sequence number of the record just before the start, 0 if none or unknown
 * @param since   for a position by time, the earliest timestamp of the first event; else {@code null}
 */
record CatchUpStart(long segment, long offset, long lastSeq, Instant since) {

    private static final CatchUpStart BEGINNING = new CatchUpStart(0, 0, 0, null);

    /**
     * @param position the position
     * @param extents  the journal's readable extents now
     * @param codec    decodes lines
     * @param journal  the journal directory, for messages
     * @throws IllegalArgumentException if the position names an event that is not in the extents
     */
    static CatchUpStart of(JournalPosition position, List<ReplayCursor.Extent> extents, EventCodec codec, Path journal) {
        switch (position.kind()) {
            case BEGINNING:
                return BEGINNING;
            case SINCE:
                return new CatchUpStart(0, 0, 0, position.instant());
            default:
                return atEvent(position, extents, codec, journal);
        }
    }

    private static CatchUpStart atEvent(JournalPosition position, List<ReplayCursor.Extent> extents, EventCodec codec,
            Path journal) {
        boolean after = position.kind() == JournalPosition.Kind.AFTER_EVENT;
        EventLocator.Found found = new EventLocator(codec).find(extents, position.eventId());
        if (found != null) {
            long segment = extents.get(found.index()).sequence();
            long seq = found.record().seq();
            return after ? new CatchUpStart(segment, found.lineEnd(), seq, null)
                    : new CatchUpStart(segment, found.lineStart(), Math.max(0, seq - 1), null);
        }
        throw new IllegalArgumentException("no event with id " + position.eventId() + " in journal " + journal);
    }

    /**
     * Resumes after a checkpoint. If its record is still there, just after it; if retention deleted it
     * (every record now is later), at the beginning, and the follower reports the gap.
     *
     * @throws IllegalArgumentException if the checkpoint does not belong to this journal: its sequence
     *                                  number holds another event, or is beyond the journal's last record
     */
    static CatchUpStart after(Checkpoint checkpoint, List<ReplayCursor.Extent> extents, EventCodec codec, Path journal) {
        if (checkpoint.seq() == 0) {
            return atEvent(JournalPosition.afterEvent(checkpoint.eventId()), extents, codec, journal);
        }
        try (ReplayCursor cursor = new ReplayCursor(extents, codec, new SeqPrefilter(checkpoint.seq()))) {
            while (cursor.hasNext()) {
                JournalRecord r = cursor.nextRecord();
                if (r.seq() == checkpoint.seq()) {
                    if (!r.event().eventId().equals(checkpoint.eventId())) {
                        throw new IllegalArgumentException("the checkpoint names record " + checkpoint.seq()
                                + " as event " + checkpoint.eventId() + " but journal " + journal + " holds event "
                                + r.event().eventId() + " there: a checkpoint of another journal");
                    }
                    return new CatchUpStart(cursor.segment().sequence(), cursor.lineEnd(), r.seq(), null);
                }
                if (r.seq() > checkpoint.seq()) {
                    return new CatchUpStart(0, 0, checkpoint.seq(), null);
                }
            }
        }
        throw new IllegalArgumentException("the checkpoint names record " + checkpoint.seq() + " (event "
                + checkpoint.eventId() + ") but journal " + journal + " ends before it: a checkpoint of another journal");
    }
}
