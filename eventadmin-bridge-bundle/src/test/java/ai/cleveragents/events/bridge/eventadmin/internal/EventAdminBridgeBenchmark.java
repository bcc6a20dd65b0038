package ai.cleveragents.events.bridge.eventadmin.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import org.apache.felix.framework.Felix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The outbound bridge's cost per event against a hand-written {@link EventAdmin#postEvent} of an
 * equivalent event, in the same run, with the real Felix Event Admin in an embedded Felix framework and
 * one subscribed Event Admin handler (as in production: without one, Felix Event Admin returns early).
 *
 * <ul>
 * <li>{@code directPostEvent}: what a bundle writing to Event Admin by hand does: build the same 12
 * properties (all but the bridge's origin mark) from the event's fields (including the ISO timestamp) and {@code postEvent} them.</li>
 * <li>{@code bridgePostEvent}: the bridge's outbound handler with its default configuration ({@code post},
 * no filter, 65,536 remembered ids): loop check, mapping, id memory, {@code postEvent}.</li>
 * <li>{@code directSendEvent} / {@code bridgeSendEvent}: the same with {@code sendEvent} (synchronous
 * delivery on the caller's thread, no hand-off to Event Admin's pool, so less noise).</li>
 * <li>{@code bridgeOnly} / {@code handWrittenOnly}: the bridge's own work and the hand-written event's
 * construction, without Event Admin: the difference is the bridge's overhead in nanoseconds.</li>
 * </ul>
 * All cycle through the same 131,072 pre-built events with distinct ids (twice the id memory, so every
 * id the bridge remembers is a new one that evicts the oldest, as in steady traffic).
 *
 * <p>Run (from the repository root; the ratio is {@code bridgePostEvent / directPostEvent}):
 * <pre>
 * mvn -B -o -q -pl eventadmin-bridge-bundle -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "eventadmin-bridge-bundle/target/test-classes:eventadmin-bridge-bundle/target/classes:$(cat eventadmin-bridge-bundle/target/cp.txt)" \
 *     org.openjdk.jmh.Main EventAdminBridgeBenchmark
 * </pre>
 * Figures measured and their caveats: {@code docs/reference/eventadmin-bridge.md}, section Performance.
 * The Felix Event Admin bundle is the {@code org.apache.felix.eventadmin} jar on the class path (a test
 * dependency, its version managed in the parent pom), or the path in the system property
 * {@code eventadmin.bundle} ({@code -jvmArgsAppend -Deventadmin.bundle=...}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EventAdminBridgeBenchmark {

    private static final int EVENTS = 1 << 17;

    private Path storage;
    private Felix felix;
    private EventAdmin eventAdmin;
    private OutboundHandler bridge;
    private OutboundHandler sendingBridge;
    private OutboundHandler bridgeWithoutEventAdmin;
    private Event lastEvent;
    private DomainEvent[] events;
    private int next;
    private final LongAdder delivered = new LongAdder();

    @Setup(Level.Trial)
    public void start() throws IOException, BundleException, InterruptedException {
        storage = Files.createTempDirectory("bridge-bench-felix");
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.event;version=1.4.1");
        felix = new Felix(config);
        felix.start();
        felix.getBundleContext().installBundle(eventAdminBundle().toURI().toString()).start();
        ServiceTracker<EventAdmin, EventAdmin> tracker = new ServiceTracker<>(felix.getBundleContext(), EventAdmin.class, null);
        tracker.open();
        eventAdmin = tracker.waitForService(30_000);
        if (eventAdmin == null) {
            throw new IllegalStateException("Felix Event Admin did not start");
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "cleveragents/plan/*");
        felix.getBundleContext().registerService(EventHandler.class, e -> delivered.increment(), props);

        BridgeSettings settings = BridgeSettings.of(Direction.out, "cleveragents", OutboundMode.post, null, 10_000, 65_536);
        bridge = outbound(settings, eventAdmin::postEvent);
        sendingBridge = outbound(settings, eventAdmin::sendEvent);
        bridgeWithoutEventAdmin = outbound(settings, e -> lastEvent = e);
        events = new DomainEvent[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            events[i] = DomainEvent.builder(EventType.PLAN_PHASE_CHANGED).planId("p-" + (i % 100))
                    .sessionId("s-1").actorName("planner").detail("from", "draft").detail("to", "review")
                    .detail("attempt", i).build();
        }
    }

    private static OutboundHandler outbound(BridgeSettings settings, Consumer<Event> eventAdmin) {
        return new Bridge(settings, eventAdmin, () -> null, DetailRedactor::defaults, new DropLog(TimeUnit.SECONDS.toNanos(10), System::nanoTime))
                .outbound();
    }

    private static File eventAdminBundle() {
        String path = System.getProperty("eventadmin.bundle");
        if (path == null) {
            path = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> Path.of(entry).getFileName().toString().matches("org\\.apache\\.felix\\.eventadmin-.*\\.jar"))
                    .findFirst().orElse("");
        }
        File jar = new File(path);
        if (!jar.isFile()) {
            throw new IllegalStateException("Felix Event Admin bundle not found on the class path or at '" + path
                    + "'; set -Deventadmin.bundle");
        }
        return jar;
    }

    @TearDown(Level.Trial)
    public void stop() throws BundleException, InterruptedException, IOException {
        felix.stop();
        felix.waitForStop(30_000);
        try (var files = Files.walk(storage)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    private DomainEvent nextEvent() {
        DomainEvent e = events[next];
        next = (next + 1) & (EVENTS - 1);
        return e;
    }

    /** The event a bundle writing to Event Admin by hand builds: the bridge's properties but its mark. */
    private static Event handWritten(DomainEvent e) {
        Map<String, Object> p = new HashMap<>(32);
        p.put(EventConstants.EVENT_TOPIC, "cleveragents/plan/phase_changed");
        p.put("event_id", e.eventId());
        p.put("event_type", e.eventType().id());
        p.put("timestamp", e.timestamp().toEpochMilli());
        p.put("timestamp_iso", e.timestamp().toString());
        p.put("correlation_id", e.correlationId());
        p.put("plan_id", e.planId());
        p.put("session_id", e.sessionId());
        p.put("actor_name", e.actorName());
        p.put("details", e.details());
        return new Event("cleveragents/plan/phase_changed", p);
    }

    @Benchmark
    public void directPostEvent() {
        eventAdmin.postEvent(handWritten(nextEvent()));
    }

    @Benchmark
    public void directSendEvent() {
        eventAdmin.sendEvent(handWritten(nextEvent()));
    }

    @Benchmark
    public void bridgeSendEvent() {
        sendingBridge.handle(nextEvent());
    }

    /** The bridge's own work (loop check, mapping, id memory, Event), handed to no Event Admin. */
    @Benchmark
    public Event bridgeOnly() {
        bridgeWithoutEventAdmin.handle(nextEvent());
        return lastEvent;
    }

    /** Building the hand-written Event, for comparison with {@link #bridgeOnly()}. */
    @Benchmark
    public Event handWrittenOnly() {
        return handWritten(nextEvent());
    }

    @Benchmark
    public void bridgePostEvent() {
        bridge.handle(nextEvent());
    }
}
