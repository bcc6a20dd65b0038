package ai.cleveragents.events.bus.reactive.internal.journal;

import java.util.Set;

import ai.cleveragents.events.EventType;

/**
 * Skips the lines whose event is of a type a replay does not want: a service rebuilding from
 * {@code plan.*} events need not decode the rest. Immutable.
 */
final class TypePrefilter implements LinePrefilter {

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

    @Override
    public boolean skips(byte[] line, int length) {
        int id = LinePrefilter.valueOf(line, length, Keys.EVENT_TYPE);
        if (id < 0) {
            return false;
        }
        for (byte[] w : wanted) {
            if (LinePrefilter.matches(line, length, id, w)) {
                return false;
            }
        }
        return true;
    }
}
