package ai.cleveragents.events.bus.reactive.internal.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The end of the journal's hash chain: the next record's sequence number and the previous record's
 * hash. {@link #seal} builds a record line without moving the chain; {@link #advance} moves it once the
 * line is written, so a failed write leaves the chain where it was. Not thread-safe: used under the
 * journal's write lock.
 */
final class RecordChain {

    private static final byte[] HEX = RecordFormat.ascii("0123456789abcdef");

    private final MessageDigest sha256;
    private long nextSeq;
    private byte[] prevHex;

    /**
     * @param lastSeq  the sequence number of the last record in the journal, 0 if none
     * @param lastHash its hash, or {@code null} if there is none (or it was written without a chain)
     */
    RecordChain(long lastSeq, String lastHash) {
        this.sha256 = newSha256();
        this.nextSeq = lastSeq + 1;
        this.prevHex = RecordFormat.ascii(lastHash == null ? RecordFormat.NO_PREV : lastHash);
    }

    /** A record ready to be written, with what the chain becomes once it is. */
    record Sealed(byte[] line, long seq, byte[] hashHex) {
    }

    /**
     * @param emitter   the emitting bundle, as {@link Emitters#of}
     * @param eventJson the event's wire JSON
     * @return the record line, ending in a line feed
     */
    Sealed seal(byte[] emitter, byte[] eventJson) {
        byte[] line = RecordFormat.head(nextSeq, prevHex, emitter, eventJson);
        byte[] hash = hashHex(line, RecordFormat.hashedLength(line));
        RecordFormat.seal(line, hash);
        return new Sealed(line, nextSeq, hash);
    }

    /** Moves the chain past a record written after {@link #seal}. */
    void advance(Sealed written) {
        nextSeq = written.seq() + 1;
        prevHex = written.hashHex();
    }

    /** @return the lowercase hex SHA-256 of {@code bytes[0, length)} */
    byte[] hashHex(byte[] bytes, int length) {
        sha256.update(bytes, 0, length);
        return hex(sha256.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static byte[] hex(byte[] digest) {
        byte[] out = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return out;
    }
}
