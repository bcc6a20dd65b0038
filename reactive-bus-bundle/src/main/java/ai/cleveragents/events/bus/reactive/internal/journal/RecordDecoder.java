package ai.cleveragents.events.bus.reactive.internal.journal;

import java.security.MessageDigest;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;
import ai.cleveragents.events.dispatch.Emitters;

/**
 * Decodes journal lines ({@link RecordFormat}) into {@link JournalRecord}s, optionally computing each
 * record's hash (which the next record's {@code prev} must equal). Not thread-safe (it reuses a digest).
 */
final class RecordDecoder {

    private final EventCodec codec;
    private final MessageDigest sha256;

    /**
     * @param codec      decodes the event part
     * @param hashes whether to compute each record's hash
     */
    RecordDecoder(EventCodec codec, boolean hashes) {
        this.codec = codec;
        this.sha256 = hashes ? RecordChain.newSha256() : null;
    }

    /**
     * @param line   a buffer holding the line, without its line feed; left as it was
     * @param length the line's length
     * @return the record
     * @throws EventCodecException if the line is not a journal record, or its event does not decode;
     *                             the message never quotes the line (it may hold secrets or control
     *                             characters), the codec's own message is the cause
     */
    JournalRecord decode(byte[] line, int length) {
        RecordFormat.Parsed p = RecordFormat.parse(line, length);
        if (p == null) {
            throw new EventCodecException("not a journal record (expected {\"seq\":…,\"prev\":…,\"emitter\":…, "
                + "the event's fields})", null);
        }
        DomainEvent event;
        try {
            event = decodeEvent(p);
        } finally {
            p.restore();
        }
        return p.isLegacy() ? new JournalRecord(0, null, null, Emitters.UNKNOWN, event)
                : new JournalRecord(p.seq(), p.prev(), hash(line, length), p.emitter(), event);
    }

    private DomainEvent decodeEvent(RecordFormat.Parsed p) {
        try {
            return codec.decode(p.line(), p.eventStart(), p.eventEnd() - p.eventStart());
        } catch (EventCodecException e) {
            throw new EventCodecException("a journal record whose event does not decode", e);
        }
    }

    private String hash(byte[] line, int length) {
        return sha256 == null ? null : RecordFormat.ascii(RecordChain.hash(sha256, line, length));
    }
}
