package ai.cleveragents.events.bridge.kafka.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import ai.cleveragents.events.DomainEvent;

/**
 * The id this runtime puts in the {@code origin_node_id} header of what it sends, and recognises in what
 * comes back: the configured {@code node.id}, else one generated once (a ULID) and kept in a file
 * (owner-only) in the bundle's data area, so it survives restarts.
 */
final class NodeId {

    private NodeId() {
    }

    /**
     * @param configured the configured id, empty for the persisted one
     * @param file       where the generated id is kept
     * @return the node id
     * @throws IOException if the file cannot be read or written, or does not hold a node id
     */
    static String resolve(String configured, Path file) throws IOException {
        if (!configured.isEmpty()) {
            return configured;
        }
        OwnerOnlyFile stored = new OwnerOnlyFile(file);
        Optional<String> existing = stored.read().map(String::trim);
        if (existing.isPresent()) {
            if (!BridgeSettings.NAME.matcher(existing.get()).matches()) {
                throw new IOException("corrupt node id file " + file + ": expected " + BridgeSettings.NAME_RULE
                        + "; delete it to generate a new id");
            }
            return existing.get();
        }
        String generated = DomainEvent.newUlid();
        stored.write(generated + "\n");
        return generated;
    }
}
