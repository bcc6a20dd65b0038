package ai.cleveragents.events.bus.reactive.internal.journal;

/**
 * Tells, from a journal line's bytes and without decoding it, that a reader does not want the line, so
 * it skips it: decoding is nearly all the cost of reading a journal. A line whose fields are not where
 * the journal writes them is never skipped, but decoded and judged as usual; a skipped line is not
 * reported even if it is damaged. Implementations are immutable.
 */
interface LinePrefilter {

    /** An event's leading fields sit within the first bytes of a line: journal fields, event id, type. */
    int WINDOW = 400;

    /** @return {@code true} if the line certainly holds a record the reader does not want */
    boolean skips(byte[] line, int length);

    /**
     * @param key the bytes of a JSON key with its colon and the value's opening quote
     * @return the offset of the value of the event's top-level field {@code key}, read where the journal
     *         writes it (in the first {@value #WINDOW} bytes, before {@code details}), or -1 if not there
     */
    static int valueOf(byte[] line, int length, byte[] key) {
        int at = indexOf(line, Math.min(length, WINDOW), key);
        if (at < 0 || indexOf(line, at, Keys.DETAILS) >= 0) {
            return -1;
        }
        return at + key.length;
    }

    /** @return whether {@code line[at, at + what.length)} equals {@code what}, inside {@code length} */
    static boolean matches(byte[] line, int length, int at, byte[] what) {
        if (at + what.length > length) {
            return false;
        }
        for (int j = 0; j < what.length; j++) {
            if (line[at + j] != what[j]) {
                return false;
            }
        }
        return true;
    }

    /** @return the first index of {@code what} wholly inside {@code line[0, end)}, or -1 */
    private static int indexOf(byte[] line, int end, byte[] what) {
        for (int i = 0; i + what.length <= end; i++) {
            if (matches(line, end, i, what)) {
                return i;
            }
        }
        return -1;
    }

    /** The keys prefilters look for. */
    final class Keys {
        static final byte[] DETAILS = RecordFormat.ascii("\"details\":");
        static final byte[] EVENT_TYPE = RecordFormat.ascii("\"event_type\":\"");

        private Keys() {
        }
    }
}
