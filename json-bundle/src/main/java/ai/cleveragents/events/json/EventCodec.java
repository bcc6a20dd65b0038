package ai.cleveragents.events.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventLimits;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Encodes and decodes {@link DomainEvent}s in the project's one wire format: a single-line JSON object
 * with snake_case fields, for example
 * <pre>{"event_id":"01J…","event_type":"plan.created","timestamp":"2026-11-25T11:00:00.123456Z",
 * "correlation_id":"01J…","plan_id":"p-1","root_plan_id":null,"session_id":null,"actor_name":null,
 * "project_name":null,"details":{}}</pre>
 *
 * <p>Decoding is strict (unless {@linkplain #tolerant() tolerant}): the four fields {@code event_id}, {@code event_type}, {@code timestamp} and
 * {@code correlation_id} are required; the context fields may be absent or {@code null}; {@code details}
 * may be absent (empty) but otherwise must be an object; unknown and duplicate fields, trailing
 * content, input over {@link #maxBytes()} UTF-8 bytes and nesting deeper than {@value #MAX_DEPTH} all
 * fail with an {@link EventCodecException}. Decoding reads at most the given input, so it never hangs.
 * A round trip gives back an equal event.
 *
 * <p>Encoding and decoding share one set of limits, {@link EventLimits}: an event whose encoded form
 * exceeds {@link #maxBytes()} is refused by the encoder with an {@link EventCodecException} naming the
 * limit, so that nothing is ever written that this codec could not read back. Keys and numbers within
 * {@link EventLimits#MAX_KEY_LENGTH} and {@link EventLimits#MAX_NUMBER_LENGTH} (checked when the event is
 * built) always decode.
 *
 * <p><b>Tolerant reading.</b> A codec made by {@link #tolerant()} reads what a newer version may write:
 * it skips unknown fields (whatever their value) and counts them ({@link #skippedFields()}), and reports
 * an unknown event type as an {@link UnknownEventTypeException}, which a {@link JsonLinesReader} over it
 * skips and counts. Everything else stays strict. The default codec is strict, for tests and for
 * checking what this version writes.
 *
 * <p>Instances are thread-safe; apart from the tolerant codec's counter they are immutable.
 */
public final class EventCodec {

    /** The default input and output limit: {@link EventLimits#MAX_EVENT_BYTES}, 1 MiB. */
    public static final int DEFAULT_MAX_BYTES = EventLimits.MAX_EVENT_BYTES;

    /** How deep objects and arrays may nest in the input: the details' limit plus the event object. */
    public static final int MAX_DEPTH = EventLimits.MAX_DEPTH + 1;

    /** A key of {@link EventLimits#MAX_KEY_LENGTH} chars takes up to three UTF-8 bytes a char. */
    private static final int MAX_NAME_BYTES = EventLimits.MAX_KEY_LENGTH * 3;

    private final int maxBytes;
    private final JsonFactory factory;
    /** Unknown fields skipped; {@code null} for a strict codec. */
    private final LongAdder skippedFields;

    /** A codec with the {@linkplain #DEFAULT_MAX_BYTES default} input limit. */
    public EventCodec() {
        this(DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxBytes the largest input accepted and output produced, in UTF-8 bytes
     * @throws IllegalArgumentException if {@code maxBytes} is not positive
     */
    public EventCodec(int maxBytes) {
        this(maxBytes, false);
    }

    /**
     * @param maxBytes the largest input accepted and output produced, in UTF-8 bytes
     * @param tolerant {@code true} to skip unknown fields (see {@link #tolerant()}), {@code false} to reject them
     * @throws IllegalArgumentException if {@code maxBytes} is not positive
     * @since 1.1
     */
    public EventCodec(int maxBytes, boolean tolerant) {
        this.skippedFields = tolerant ? new LongAdder() : null;
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxBytes)
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNameLength(MAX_NAME_BYTES)
                        .maxNumberLength(EventLimits.MAX_NUMBER_LENGTH)
                        .build())
                .build();
    }

    /**
     * A tolerant codec with the {@linkplain #DEFAULT_MAX_BYTES default} limit, for reading journals and
     * wire JSON that a newer version may have written.
     *
     * @return a new tolerant codec
     * @since 1.1
     */
    public static EventCodec tolerant() {
        return new EventCodec(DEFAULT_MAX_BYTES, true);
    }

    /**
     * @return {@code true} if this codec skips unknown fields
     * @since 1.1
     */
    public boolean isTolerant() {
        return skippedFields != null;
    }

    /**
     * @return how many unknown fields this codec has skipped; always 0 for a strict codec
     * @since 1.1
     */
    public long skippedFields() {
        return skippedFields == null ? 0 : skippedFields.sum();
    }

    /** @return the largest input accepted and output produced, in UTF-8 bytes */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * @param event the event
     * @return its single-line JSON form, without a line terminator
     * @throws NullPointerException if {@code event} is {@code null}
     * @throws EventCodecException  if the encoded form exceeds {@link #maxBytes()}
     */
    public String encode(DomainEvent event) {
        return new String(encodeToBytes(event), StandardCharsets.UTF_8);
    }

    /**
     * @param event the event
     * @return its single-line JSON form as UTF-8, without a line terminator
     * @throws NullPointerException if {@code event} is {@code null}
     * @throws EventCodecException  if the encoded form exceeds {@link #maxBytes()}
     */
    public byte[] encodeToBytes(DomainEvent event) {
        JsonOutput out = encodeChecked(event);
        try {
            return out.toByteArray();
        } finally {
            out.release();
        }
    }

    /**
     * Writes the single-line JSON form of an event as UTF-8, without a line terminator. The stream is
     * neither flushed nor closed: the caller decides when output becomes visible. Nothing is written
     * when the event is refused; otherwise the bytes go to the stream in one {@code write} call.
     *
     * @param event the event
     * @param out   where to write; not closed
     * @throws NullPointerException if an argument is {@code null}
     * @throws EventCodecException  if the encoded form exceeds {@link #maxBytes()}
     * @throws UncheckedIOException if {@code out} fails
     */
    public void encode(DomainEvent event, OutputStream out) {
        Objects.requireNonNull(out, "out");
        JsonOutput json = encodeChecked(event);
        try {
            json.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            json.release();
        }
    }

    /** @return this thread's buffer holding the event's JSON; the caller releases it */
    private JsonOutput encodeChecked(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        JsonOutput out = JsonOutput.acquire();
        boolean encoded = false;
        try {
            EventEncoder.write(event, out);
            if (out.size() > maxBytes) {
                throw new EventCodecException("event " + event.eventId() + " encodes to " + out.size()
                        + " bytes, over the limit of " + maxBytes + " bytes (EventLimits.MAX_EVENT_BYTES is "
                        + EventLimits.MAX_EVENT_BYTES + ")", null);
            }
            encoded = true;
            return out;
        } finally {
            if (!encoded) {
                out.release();
            }
        }
    }

    /**
     * @param json one event's JSON
     * @return the event
     * @throws NullPointerException if {@code json} is {@code null}
     * @throws EventCodecException  if the input is not a valid event
     */
    public DomainEvent decode(String json) {
        Objects.requireNonNull(json, "json");
        if (json.length() > maxBytes || (json.length() * 3L > maxBytes && utf8Length(json) > maxBytes)) {
            throw tooLarge(utf8Length(json));
        }
        try (JsonParser p = factory.createParser(json)) {
            return decode(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param utf8   a buffer holding one event's JSON as UTF-8
     * @param offset where it starts
     * @param length how many bytes it has
     * @return the event
     * @throws NullPointerException      if {@code utf8} is {@code null}
     * @throws IndexOutOfBoundsException if the range is outside the buffer
     * @throws EventCodecException       if the input is not a valid event
     */
    public DomainEvent decode(byte[] utf8, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, utf8.length);
        if (length > maxBytes) {
            throw tooLarge(length);
        }
        requireUtf8Start(utf8, offset, length);
        WellFormedUtf8.require(utf8, offset, length);
        DomainEvent plain = PlainEventReader.read(utf8, offset, length);
        return plain != null ? plain : decodeFully(utf8, offset, length);
    }

    /** Decodes with the full (Jackson) decoder: any valid event, and the precise error for the rest. */
    DomainEvent decodeFully(byte[] utf8, int offset, int length) {
        try (JsonParser p = factory.createParser(utf8, offset, length)) {
            return decode(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param utf8 one event's JSON as UTF-8
     * @return the event
     * @throws NullPointerException if {@code utf8} is {@code null}
     * @throws EventCodecException  if the input is not a valid event
     */
    public DomainEvent decode(byte[] utf8) {
        return decode(utf8, 0, utf8.length);
    }

    private DomainEvent decode(JsonParser p) throws IOException {
        try {
            return EventDecoder.read(p, skippedFields);
        } catch (JsonProcessingException e) {
            throw new EventCodecException("malformed JSON: " + e.getOriginalMessage()
                    + locationOf(e), e);
        }
    }

    /**
     * Jackson guesses UTF-16 and UTF-32 from a byte-order mark or zero bytes at the start; the wire
     * format is UTF-8 only, where those bytes never occur in valid JSON, so refuse them up front.
     */
    private static void requireUtf8Start(byte[] utf8, int offset, int length) {
        for (int i = offset; i < offset + Math.min(4, length); i++) {
            int b = utf8[i] & 0xff;
            if (b == 0x00 || b == 0xfe || b == 0xff) {
                throw new EventCodecException(String.format(
                        "input is not UTF-8: byte 0x%02x at offset %d (UTF-16 and UTF-32 are not accepted)",
                        b, i - offset), null);
            }
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    EventCodecException tooLarge(long length) {
        return new EventCodecException("input of " + length + " bytes exceeds the limit of " + maxBytes
                + " bytes", null);
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
