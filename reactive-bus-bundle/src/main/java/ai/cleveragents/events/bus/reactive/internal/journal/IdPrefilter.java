package ai.cleveragents.events.bus.reactive.internal.journal;

/**
 * Skips every line but the one whose event has a given id: finding an event by id (a catch-up from an
 * event, a replay from one) then decodes one line, not all those before it. Immutable.
 */
final class IdPrefilter implements LinePrefilter {

    /** The id followed by its closing quote. */
    private final byte[] wanted;

    IdPrefilter(String eventId) {
        this.wanted = RecordFormat.ascii(eventId + "\"");
    }

    @Override
    public boolean skips(byte[] line, int length) {
        int id = LinePrefilter.valueOf(line, length, Keys.EVENT_ID);
        return id >= 0 && !LinePrefilter.matches(line, length, id, wanted);
    }
}
