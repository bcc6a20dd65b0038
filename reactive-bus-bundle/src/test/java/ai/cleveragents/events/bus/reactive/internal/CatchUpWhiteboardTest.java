package ai.cleveragents.events.bus.reactive.internal;

import static ai.cleveragents.events.bus.reactive.internal.Configs.config;
import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The catch-up whiteboard ({@code event.from}, {@code event.checkpoint}) of the reactive bus component in
 * a real embedded Felix framework: resuming from a stored checkpoint, owner-only checkpoint files, and the
 * handlers that are not subscribed (bad properties, a taken name, a corrupt checkpoint).
 */
public class CatchUpWhiteboardTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Framework framework;
    private BundleContext context;
    private Path journalDir;
    private ReactiveBusComponent component;
    private EventBus bus;

    @Before
    public void start() throws Exception {
        Map<String, String> fw = new HashMap<>();
        fw.put(Constants.FRAMEWORK_STORAGE, tmp.newFolder().toString());
        fw.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(fw);
        framework.start();
        context = framework.getBundleContext();
        journalDir = tmp.newFolder("journal").toPath();
        component = new ReactiveBusComponent(context, config(Map.of("journal_directory", journalDir.toString())));
        bus = context.getService(context.getServiceReference(EventBus.class));
    }

    @After
    public void stop() throws Exception {
        component.deactivate();
        framework.stop();
        framework.waitForStop(10_000);
    }

    /** A handler keeping the events it received. */
    private static final class Received implements EventHandler {
        final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void handle(DomainEvent event) {
            events.add(event);
        }

        List<String> ids() {
            synchronized (events) {
                return events.stream().map(DomainEvent::eventId).toList();
            }
        }
    }

    private ServiceRegistration<EventHandler> register(EventHandler handler, Object... keyValues) {
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put((String) keyValues[i], keyValues[i + 1]);
        }
        return context.registerService(EventHandler.class, handler, props);
    }

    private List<String> emit(int n, EventType type) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DomainEvent e = DomainEvent.of(type);
            bus.emit(e);
            ids.add(e.eventId());
        }
        return ids;
    }

    @Test
    public void aCheckpointedHandlerResumesWhereItStoppedAndItsFileIsOwnerOnly() throws Exception {
        List<String> first = emit(5, EventType.PLAN_CREATED);
        Received before = new Received();
        ServiceRegistration<EventHandler> reg = register(before, EventBusConstants.EVENT_CHECKPOINT, "audit-copy");
        await().atMost(WAIT).until(() -> before.events.size() == 5);
        List<String> second = emit(3, EventType.PLAN_STARTED);
        await().atMost(WAIT).until(() -> before.events.size() == 8);
        reg.unregister();
        List<String> missed = emit(4, EventType.TOOL_INVOKED);
        Received after = new Received();
        register(after, EventBusConstants.EVENT_CHECKPOINT, "audit-copy", EventBusConstants.EVENT_TYPES, "tool.*");
        await().atMost(WAIT).until(() -> after.events.size() == 4);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertEquals(all, before.ids());
        assertEquals(missed, after.ids());
        Path file = journalDir.resolve("checkpoints").resolve("audit-copy.checkpoint");
        await().atMost(WAIT).until(() -> Files.readString(file).contains(missed.get(3)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("seq=12\nevent_id=" + missed.get(3) + "\n", Files.readString(file));
        assertEquals("docs/journal.md shows the checkpoint file as written", keys(documentedCheckpoint()),
                keys(Files.readString(file)));
    }

    private static String documentedCheckpoint() throws java.io.IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?s)<!-- checkpoint-file:start -->\\s*```\\w*\\n(.*?)```\\s*<!-- checkpoint-file:end -->")
                .matcher(Files.readString(Path.of(System.getProperty("journal.doc", "../docs/journal.md"))));
        assertTrue("docs/journal.md has a checkpoint-file block", m.find());
        return m.group(1);
    }

    /** @return each line's key, and whether the whole text parses as a checkpoint file */
    private List<String> keys(String content) throws java.io.IOException {
        Path scratch = tmp.newFolder().toPath();
        Files.createDirectories(scratch.resolve("checkpoints"));
        Files.writeString(scratch.resolve("checkpoints").resolve("doc.checkpoint"), content);
        List<String> keys = new ArrayList<>();
        content.lines().forEach(line -> keys.add(line.substring(0, line.indexOf('='))));
        keys.add(String.valueOf(CheckpointFile.of(scratch, "doc").read().isPresent()));
        return keys;
    }

    @Test
    public void aHandlerWithEventFromStartsThereAndGetsNoOrdinaryDelivery() {
        List<String> ids = emit(3, EventType.PLAN_CREATED);
        Received fromSecond = new Received();
        register(fromSecond, EventBusConstants.EVENT_FROM, ids.get(1), EventBusConstants.EVENT_FILTER,
                "(event_type=plan.created)");
        await().atMost(WAIT).until(() -> fromSecond.events.size() == 2);
        List<String> live = emit(1, EventType.PLAN_CREATED);
        emit(1, EventType.PLAN_STARTED);
        await().atMost(WAIT).until(() -> fromSecond.events.size() == 3);
        assertEquals(List.of(ids.get(1), ids.get(2), live.get(0)), fromSecond.ids());
    }

    @Test
    public void badPropertiesATakenNameAndACorruptCheckpointLeaveTheHandlerUnsubscribed() throws Exception {
        Path checkpoints = Files.createDirectories(journalDir.resolve("checkpoints"));
        Files.write(checkpoints.resolve("broken.checkpoint"), "seq=x\n\u001b[31m".getBytes(StandardCharsets.UTF_8));
        Received badFrom = new Received();
        Received badName = new Received();
        Received corrupt = new Received();
        Received owner = new Received();
        Received taken = new Received();
        Received badTypes = new Received();
        Received unknownId = new Received();
        register(badFrom, EventBusConstants.EVENT_FROM, "yesterday");
        register(badName, EventBusConstants.EVENT_CHECKPOINT, "../escape");
        register(corrupt, EventBusConstants.EVENT_CHECKPOINT, "broken");
        register(owner, EventBusConstants.EVENT_CHECKPOINT, "shared");
        register(taken, EventBusConstants.EVENT_CHECKPOINT, "shared");
        register(badTypes, EventBusConstants.EVENT_FROM, "beginning", EventBusConstants.EVENT_TYPES, "nope.*");
        register(unknownId, EventBusConstants.EVENT_FROM, DomainEvent.of(EventType.PLAN_CREATED).eventId());
        Received control = new Received();
        register(control, EventBusConstants.EVENT_FROM, "beginning");
        List<String> ids = emit(2, EventType.PLAN_CREATED);
        await().atMost(WAIT).until(() -> control.events.size() == 2 && owner.events.size() == 2);
        assertEquals(ids, control.ids());
        for (Received r : List.of(badFrom, badName, corrupt, taken, badTypes, unknownId)) {
            assertEquals(List.of(), r.ids());
        }
        assertTrue("the corrupt checkpoint is kept for a person to look at",
                Files.readString(checkpoints.resolve("broken.checkpoint")).startsWith("seq=x"));
    }

    @Test
    public void aNewJournalDirectorySubscribesTheHandlersAgainOnTheNewJournal() throws Exception {
        Received all = new Received();
        register(all, EventBusConstants.EVENT_CHECKPOINT, "mover");
        emit(2, EventType.PLAN_CREATED);
        await().atMost(WAIT).until(() -> all.events.size() == 2);
        Path next = tmp.newFolder("next").toPath();
        component.modified(config(Map.of("journal_directory", next.toString())));
        List<String> onNew = emit(1, EventType.PLAN_STARTED);
        await().atMost(WAIT).until(() -> all.events.size() == 3);
        assertEquals(onNew.get(0), all.ids().get(2));
        assertTrue(Files.exists(journalDir.resolve("checkpoints").resolve("mover.checkpoint")));
    }
}
