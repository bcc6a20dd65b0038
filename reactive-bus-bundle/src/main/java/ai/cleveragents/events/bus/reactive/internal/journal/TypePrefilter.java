package ai.cleveragents.events.bus.reactive.internal.journal;

import java.util.Arrays;
import java.util.Set;

import ai.cleveragents.events.EventType;

/**
 * Tells, from a journal line's bytes and without decoding it, that its event is of a type a replay does
 * not want, so the replay skips it: decoding is nearly all the cost of reading a journal, and a service
 * rebuilding from {@code plan.*} events need not decode the rest. The type is read where the journal
 * writes it (the wire format's second field, before {@code details}); a line where it is not found
 * there is never skipped here but decoded and filtered as usual. Immutable.
 */
final class TypePrefilter {

    private static final byte[] KEY = RecordFormat.ascii("\"event_type\":\"");
    private static final byte[] DETAILS = RecordFormat.ascii("\"details\":");
    /** The type sits within the first bytes of a line: journal fields, event id, then the type. */
    private static final int WINDOW = 400;

    /** The wanted ids, each followed by its closing quote. */
    private final byte[][] wanted;

    private TypePrefilter(byte[][] wanted) {
        this.wanted = wanted;
    }

    /** @return a prefilter for {@code types}, or {@code null} when every type is wanted (empty set) */
    static TypePrefilter of(Set<EventType> types) {
        if (types.isEmpty()) {
            return null;
        }
        return new TypePrefilter(types.stream().map(t -> RecordFormat.ascii(t.id() + "\"")).toArray(byte[][]::new));
    }

    /** @return {@code true} if the line certainly holds an event of a type not wanted */
    boolean skips(byte[] line, int length) {
        int window = Math.min(length, WINDOW);
        int key = indexOf(line, window, KEY);
        if (key < 0 || indexOf(line, key, DETAILS) >= 0) {
            return false;
        }
        int id = key + KEY.length;
        for (byte[] w : wanted) {
            if (id + w.length <= length && Arrays.equals(line, id, id + w.length, w, 0, w.length)) {
                return false;
            }
        }
        return true;
    }

    /** @return the first index of {@code what} wholly inside {@code line[0, end)}, or -1 */
    private static int indexOf(byte[] line, int end, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= end; i++) {
            for (int j = 0; j < what.length; j++) {
                if (line[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
