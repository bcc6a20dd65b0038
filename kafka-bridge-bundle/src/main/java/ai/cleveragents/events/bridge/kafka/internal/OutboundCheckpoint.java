package ai.cleveragents.events.bridge.kafka.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.cleveragents.events.DomainEvent;

/**
 * The outbound side's persisted position: the id of the last journal event whose record (and every
 * earlier one) the broker acknowledged. One file per bridge, {@code <name>.outbound.checkpoint}, holding
 * {@code event_id=<ULID>}; replaced atomically, owner-only. Not thread-safe: one writer.
 */
final class OutboundCheckpoint {

    private static final Pattern CONTENT = Pattern.compile("event_id=([0-9A-Z]{26})\n");

    private final OwnerOnlyFile file;

    OutboundCheckpoint(Path directory, String name) {
        this.file = new OwnerOnlyFile(directory.resolve(name + ".outbound.checkpoint"));
    }

    Path path() {
        return file.path();
    }

    /**
     * @return the stored event id, empty if none was stored yet
     * @throws IOException if the file cannot be read or is not a checkpoint; the message names the file,
     *                     never quotes its content
     */
    Optional<String> read() throws IOException {
        Optional<String> content = file.read();
        if (content.isEmpty()) {
            return content;
        }
        Matcher m = CONTENT.matcher(content.get());
        if (!m.matches() || !DomainEvent.isValidEventId(m.group(1))) {
            throw new IOException("corrupt checkpoint file " + file.path() + ": expected the line event_id=<ULID>;"
                    + " delete it to start again from outbound.start");
        }
        return Optional.of(m.group(1));
    }

    /** @throws IOException if it cannot be written; the previous checkpoint is then still in place */
    void write(String eventId) throws IOException {
        file.write("event_id=" + eventId + "\n");
    }
}
