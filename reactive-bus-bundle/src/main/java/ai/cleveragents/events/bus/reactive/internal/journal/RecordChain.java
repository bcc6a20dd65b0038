package ai.cleveragents.events.bus.reactive.internal.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The end of the journal's hash chain: the next record's sequence number and the hash of the record
 * before. {@link #seal} builds a record line without moving the chain; {@link #advance} moves it once
 * the line is written, so a failed write leaves the chain where it was. Not thread-safe: used under
 * the journal's write lock.
 */
final class RecordChain {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final MessageDigest sha256;
    private long nextSeq;
    private byte[] prev;

    /**
     * @param lastSeq  the sequence number of the last record in the journal, 0 if none
     * @param lastHash its hash, or {@code null} if there is none (or it was written without a chain)
     */
    RecordChain(long lastSeq, String lastHash) {
        this.sha256 = newSha256();
        this.nextSeq = lastSeq + 1;
        this.prev = RecordFormat.ascii(lastHash == null ? RecordFormat.NO_PREV : lastHash);
    }

    /** A record ready to be written, with what the chain becomes once it is. */
    record Sealed(byte[] line, long seq, byte[] hash) {
    }

    /**
     * @param emitter   the emitting bundle, as {@link ai.cleveragents.events.dispatch.Emitters#of}
     * @param eventJson the event's wire JSON
     * @return the record line, ending in a line feed, and its hash
     */
    Sealed seal(byte[] emitter, byte[] eventJson) {
        byte[] line = RecordFormat.line(nextSeq, prev, emitter, eventJson);
        return new Sealed(line, nextSeq, hash(line, line.length - 1));
    }

    /** Where the chain is: the next sequence number and the hash the next record links to. */
    record Position(long nextSeq, byte[] prev) {
    }

    /** @return where the chain is now, to {@link #reset} to if the records sealed from here are not written */
    Position position() {
        return new Position(nextSeq, prev);
    }

    /** Moves the chain back to where it was. */
    void reset(Position position) {
        nextSeq = position.nextSeq();
        prev = position.prev();
    }

    /** Moves the chain past a record written after {@link #seal}. */
    void advance(Sealed written) {
        nextSeq = written.seq() + 1;
        prev = written.hash();
    }

    /** @return the unpadded base64url SHA-256 of {@code bytes[0, length)}, as ASCII bytes */
    byte[] hash(byte[] bytes, int length) {
        return hash(sha256, bytes, length);
    }

    static byte[] hash(MessageDigest sha256, byte[] bytes, int length) {
        sha256.update(bytes, 0, length);
        return BASE64URL.encode(sha256.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
