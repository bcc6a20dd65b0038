package ai.cleveragents.events.bridge.kafka.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ai.cleveragents.events.dispatch.redaction.TerminalText;

/**
 * {@code kafka:status [name]}: per configured bridge, its node id, topics, outbound connection, lag and
 * checkpoint, inbound state, and every counter (rejections by reason). Text that comes from outside
 * (Kafka's error messages) is escaped before it reaches the terminal. An unknown name is a one-line error
 * with the usage.
 */
@Component(service = KafkaStatusCommand.class, property = {"osgi.command.scope=kafka", "osgi.command.function=status"})
public final class KafkaStatusCommand {

    static final String USAGE = "kafka:status [name]";

    private final List<KafkaBridge> bridges = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBridge(KafkaBridge bridge) {
        bridges.add(bridge);
    }

    void removeBridge(KafkaBridge bridge) {
        bridges.remove(bridge);
    }

    @Descriptor("show every Kafka bridge: connection, lag, checkpoint, counts by reason")
    public void status(CommandSession session) {
        session.getConsole().print(render(null));
        session.getConsole().flush();
    }

    @Descriptor("show one Kafka bridge: connection, lag, checkpoint, counts by reason")
    public void status(CommandSession session, @Descriptor("the bridge's name") String name) {
        session.getConsole().print(render(name));
        session.getConsole().flush();
    }

    /**
     * @param name the bridge to show, {@code null} for all
     * @throws IllegalArgumentException if no bridge has that name; one line and the usage
     */
    String render(String name) {
        return render(new ArrayList<>(bridges), name);
    }

    static String render(List<StatusView> shown, String name) {
        shown.sort(Comparator.comparing(StatusView::name));
        List<String> names = new ArrayList<>();
        for (StatusView b : shown) {
            names.add(b.name());
        }
        if (name != null) {
            shown.removeIf(b -> !b.name().equals(name));
            if (shown.isEmpty()) {
                throw new IllegalArgumentException("kafka:status: no bridge named '" + TerminalText.escape(name)
                        + "' (configured: " + (names.isEmpty() ? "none" : TerminalText.escape(String.join(", ", names)))
                        + ")\nusage: " + USAGE);
            }
        }
        if (shown.isEmpty()) {
            return "no Kafka bridge configured (factory PID " + KafkaBridge.PID + ")\n";
        }
        StringBuilder out = new StringBuilder();
        for (StatusView b : shown) {
            out.append(TerminalText.escape(b.name())).append('\n');
            for (Map.Entry<String, String> e : b.status().entrySet()) {
                out.append("  ").append(e.getKey()).append(": ").append(TerminalText.escape(e.getValue())).append('\n');
            }
        }
        return out.toString();
    }
}
