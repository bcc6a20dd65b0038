package ai.cleveragents.events.bus.reactive.internal.journal;

/**
 * Skips the lines of records numbered before a given sequence number, and the lines written by version
 * 1.0 (which have none): resuming after a checkpoint then decodes from the checkpoint's record on, not
 * every record before it. Reads only the line's first field. Immutable.
 */
final class SeqPrefilter implements LinePrefilter {

    private static final byte[] SEQ = RecordFormat.ascii("{\"seq\":");
    private static final byte[] LEGACY = RecordFormat.ascii("{\"event_id\":");
    private static final int MAX_DIGITS = 18;

    private final long first;

    /** @param first the sequence number of the first record wanted */
    SeqPrefilter(long first) {
        this.first = first;
    }

    @Override
    public boolean skips(byte[] line, int length) {
        if (LinePrefilter.matches(line, length, 0, LEGACY)) {
            return true;
        }
        if (!LinePrefilter.matches(line, length, 0, SEQ)) {
            return false;
        }
        long seq = 0;
        int p = SEQ.length;
        while (p < length && p - SEQ.length < MAX_DIGITS && line[p] >= '0' && line[p] <= '9') {
            seq = seq * 10 + (line[p++] - '0');
        }
        return p > SEQ.length && p < length && line[p] == ',' && seq < first;
    }
}
