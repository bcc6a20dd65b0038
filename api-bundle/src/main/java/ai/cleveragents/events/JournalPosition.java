package ai.cleveragents.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Where a catch-up subscription ({@link EventJournal#subscribeFrom}) starts reading the journal: at its
 * beginning, at an event (inclusive), just after an event, or at the first event whose timestamp is at or
 * after an instant. A position is a place in the journal's order, not a filter: once reached, every later
 * event is delivered, whatever its timestamp. Immutable and thread-safe.
 *
 * <p>Its text form ({@link #parse}, used by the whiteboard property {@value EventBusConstants#EVENT_FROM}
 * and by {@code events:tail --from}) is {@code beginning}, an event id (a ULID, inclusive) or an ISO-8601
 * instant such as {@code 2026-11-25T11:00:00Z}.
 *
 * @since 1.1
 */
public final class JournalPosition {

    /** What a position refers to. */
    public enum Kind {
        /** The first event in the journal. */
        BEGINNING,
        /** The event with {@link #eventId()}, which is delivered first. */
        AT_EVENT,
        /** The event after the one with {@link #eventId()} (a checkpoint: that one was already handled). */
        AFTER_EVENT,
        /** The first event whose timestamp is at or after {@link #instant()}. */
        SINCE
    }

    /** The text form's allowed values, for error messages. */
    public static final String SYNTAX = "'beginning', an event id (ULID) or an ISO-8601 instant such as 2026-11-25T11:00:00Z";

    private static final JournalPosition BEGINNING = new JournalPosition(Kind.BEGINNING, null, null);

    private final Kind kind;
    private final String eventId;
    private final Instant instant;

    private JournalPosition(Kind kind, String eventId, Instant instant) {
        this.kind = kind;
        this.eventId = eventId;
        this.instant = instant;
    }

    /** @return the position of the first event in the journal */
    public static JournalPosition beginning() {
        return BEGINNING;
    }

    /**
     * @param eventId the id of the first event to deliver
     * @return the position of that event
     * @throws NullPointerException     if {@code eventId} is {@code null}
     * @throws IllegalArgumentException if it is not an event id (a ULID)
     */
    public static JournalPosition atEvent(String eventId) {
        return new JournalPosition(Kind.AT_EVENT, checkId(eventId), null);
    }

    /**
     * @param eventId the id of the last event already handled
     * @return the position just after that event
     * @throws NullPointerException     if {@code eventId} is {@code null}
     * @throws IllegalArgumentException if it is not an event id (a ULID)
     */
    public static JournalPosition afterEvent(String eventId) {
        return new JournalPosition(Kind.AFTER_EVENT, checkId(eventId), null);
    }

    /**
     * @param instant the earliest timestamp of the first event to deliver
     * @return the position of the first event at or after {@code instant}
     * @throws NullPointerException if {@code instant} is {@code null}
     */
    public static JournalPosition since(Instant instant) {
        return new JournalPosition(Kind.SINCE, null, Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Parses the text form: {@code beginning}, an event id (ULID) or an ISO-8601 instant.
     *
     * @param text the text, surrounding blanks ignored
     * @return the position
     * @throws NullPointerException     if {@code text} is {@code null}
     * @throws IllegalArgumentException if it is none of these; the message restates the allowed values and
     *                                  never quotes the text (the caller decides how to show it)
     */
    public static JournalPosition parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim();
        if ("beginning".equals(t)) {
            return BEGINNING;
        }
        if (DomainEvent.isValidEventId(t)) {
            return atEvent(t);
        }
        try {
            return since(Instant.parse(t));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a journal position: expected " + SYNTAX, e);
        }
    }

    private static String checkId(String eventId) {
        if (!DomainEvent.isValidEventId(Objects.requireNonNull(eventId, "eventId"))) {
            throw new IllegalArgumentException("not an event id (a 26-character ULID)");
        }
        return eventId;
    }

    /** @return what this position refers to */
    public Kind kind() {
        return kind;
    }

    /** @return the event id of an {@link Kind#AT_EVENT} or {@link Kind#AFTER_EVENT} position, else {@code null} */
    public String eventId() {
        return eventId;
    }

    /** @return the instant of a {@link Kind#SINCE} position, else {@code null} */
    public Instant instant() {
        return instant;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalPosition p && kind == p.kind && Objects.equals(eventId, p.eventId)
                && Objects.equals(instant, p.instant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, eventId, instant);
    }

    /** @return the text form ({@code after:<id>} for an {@link Kind#AFTER_EVENT} position, which has none) */
    @Override
    public String toString() {
        switch (kind) {
            case BEGINNING:
                return "beginning";
            case AT_EVENT:
                return eventId;
            case AFTER_EVENT:
                return "after:" + eventId;
            default:
                return instant.toString();
        }
    }
}
