package ai.cleveragents.events.bridge.kafka.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;
import ai.cleveragents.events.dispatch.DispatchEngine;

/**
 * One runtime as the bridge sees it, from real parts: the reactive bus's journal, a bus (the shared
 * dispatch engine) that writes each event to that journal before delivering it, a handler recording
 * what it received, and the bridge.
 */
final class LocalNode {

    final Path directory;
    final Journal journal;
    final DispatchEngine engine;
    final AtomicReference<EventBus> bus = new AtomicReference<>();
    final List<DomainEvent> received = new CopyOnWriteArrayList<>();
    Bridge bridge;

    LocalNode(Path directory) throws IOException {
        this.directory = directory;
        this.journal = Journal.open(JournalSettings.defaults(directory.resolve("journal")).withDurability(Durability.NONE));
        this.engine = new DispatchEngine("test", (e, emitter) -> {
            journal.append(e, emitter);
            return false;
        });
        engine.subscribeAll(received::add, null);
        bus.set(engine.view(null));
    }

    /** Creates and starts a bridge with these properties (plus {@code bootstrap.servers}). */
    Bridge start(String servers, Map<String, ?> properties) throws IOException {
        Map<String, Object> p = new HashMap<>(properties);
        p.put("bootstrap.servers", servers);
        bridge = new Bridge(TestConfigs.settings(p), directory.resolve("data"), journal, bus::get);
        bridge.start();
        return bridge;
    }

    void stopBridge() throws InterruptedException {
        if (bridge != null) {
            bridge.stop();
            bridge = null;
        }
    }

    long metric(String name) {
        return bridge.metrics().get(name);
    }

    /** @return what the node received and its bridge's status, for failure messages */
    @Override
    public String toString() {
        return "received " + received.size() + (bridge == null ? "" : " " + bridge.status());
    }

    void emit(DomainEvent event) {
        bus.get().emit(event);
    }

    void close() throws Exception {
        stopBridge();
        engine.close(() -> { }, 1_000);
        journal.close();
    }
}
