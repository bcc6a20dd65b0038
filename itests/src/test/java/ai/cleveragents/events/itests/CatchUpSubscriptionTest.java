package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.itests.catchup.CheckpointedHandler;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Catch-up subscriptions in a real Felix with the reactive bus and its journal (issue 15, part 2,
 * docs/journal.md): three whiteboard handlers catching up from the beginning, an event id and an
 * instant while four threads emit, each seeing every event once in journal order; a handler bundle
 * stopped and started again resuming from its checkpoint.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class CatchUpSubscriptionTest extends OsgiTestSupport {

    private static final int BEFORE = 200;
    private static final int EMITTERS = 4;
    private static final int PER_EMITTER = 250;

    @Inject
    private EventBus bus;

    @Inject
    private EventJournal journal;

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), reactiveBus()};
    }

    /** A whiteboard handler keeping the ids it received, in order. */
    private static final class Received implements EventHandler {
        final List<String> ids = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void handle(DomainEvent event) {
            ids.add(event.eventId());
        }

        List<String> snapshot() {
            synchronized (ids) {
                return new ArrayList<>(ids);
            }
        }
    }

    private ServiceRegistration<EventHandler> register(EventHandler handler, String from) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_FROM, from);
        return context.registerService(EventHandler.class, handler, props);
    }

    @Test
    public void threeWhiteboardHandlersCatchUpWhileFourThreadsEmitAndEachSeesEveryEventOnceInJournalOrder()
            throws Exception {
        Instant base = Instant.now().minusSeconds(3600);
        List<String> old = new ArrayList<>();
        for (int i = 0; i < BEFORE; i++) {
            DomainEvent e = DomainEvent.builder(EventType.PLAN_CREATED).timestamp(base.plusSeconds(i)).build();
            bus.emit(e);
            old.add(e.eventId());
        }
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> emitters = new ArrayList<>();
        for (int t = 0; t < EMITTERS; t++) {
            String actor = "emitter-" + t;
            Thread emitter = new Thread(() -> emit(actor, go, failures), actor);
            emitter.start();
            emitters.add(emitter);
        }
        go.countDown();
        Received fromBeginning = new Received();
        Received fromId = new Received();
        Received fromTime = new Received();
        register(fromBeginning, "beginning");
        register(fromId, old.get(50));
        register(fromTime, base.plusSeconds(120).toString());
        for (Thread emitter : emitters) {
            emitter.join(60_000);
        }
        assertTrue("emit failures: " + failures, failures.isEmpty());
        List<String> all = journalIds();
        int total = all.size();
        assertTrue("the journal holds every event: " + total, total >= BEFORE + EMITTERS * PER_EMITTER);
        waitFor(() -> fromBeginning.ids.size() >= total && fromId.ids.size() >= total - 50
                && fromTime.ids.size() >= total - 120);
        assertEquals(all, fromBeginning.snapshot());
        assertEquals(all.subList(50, total), fromId.snapshot());
        assertEquals(all.subList(120, total), fromTime.snapshot());
    }

    private void emit(String actor, CountDownLatch go, ConcurrentLinkedQueue<Throwable> failures) {
        try {
            go.await();
            for (int i = 0; i < PER_EMITTER; i++) {
                bus.emit(DomainEvent.builder(EventType.TOOL_INVOKED).actorName(actor).detail("n", i).build());
            }
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    private List<String> journalIds() {
        try (Stream<DomainEvent> replay = journal.replaySince(Instant.EPOCH, Set.of())) {
            return replay.map(DomainEvent::eventId).collect(Collectors.toList());
        }
    }

    @Test
    public void aHandlerBundleStoppedAndStartedAgainResumesFromItsCheckpoint() throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        Hashtable<String, Object> sinkProps = new Hashtable<>();
        sinkProps.put(CheckpointedHandler.SINK, Boolean.TRUE);
        Consumer<DomainEvent> sink = e -> received.add(e.eventId());
        context.registerService(Consumer.class, sink, sinkProps);
        List<String> first = emitPlans(3);
        Bundle handler = context.installBundle("catch-up-handler", new ByteArrayInputStream(handlerBundle()));
        handler.start();
        waitFor(() -> received.size() == 3);
        List<String> second = emitPlans(2);
        waitFor(() -> received.size() == 5);
        handler.stop();
        bus.emit(DomainEvent.of(EventType.TOOL_INVOKED));
        List<String> whileStopped = emitPlans(4);
        handler.start();
        waitFor(() -> received.size() == 9);
        List<String> expected = new ArrayList<>(first);
        expected.addAll(second);
        expected.addAll(whileStopped);
        synchronized (received) {
            assertEquals(expected, new ArrayList<>(received));
        }
        assertEquals("nothing more arrives: each event once", 9, received.size());
        handler.uninstall();
    }

    private List<String> emitPlans(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DomainEvent e = DomainEvent.of(EventType.PLAN_STARTED);
            bus.emit(e);
            ids.add(e.eventId());
        }
        return ids;
    }

    @Test
    public void aHandlerWithAnUnparseableStartIsNotSubscribedAndTheApiRejectsAnUnknownId() {
        Received bad = new Received();
        register(bad, "last tuesday");
        Received good = new Received();
        register(good, JournalPosition.beginning().toString());
        DomainEvent e = DomainEvent.of(EventType.PLAN_CREATED);
        bus.emit(e);
        waitFor(() -> good.ids.contains(e.eventId()));
        assertEquals(List.of(), bad.snapshot());
        String unknown = DomainEvent.of(EventType.PLAN_CREATED).eventId();
        IllegalArgumentException error = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> journal.subscribeFrom(JournalPosition.atEvent(unknown), Set.of(), x -> { }));
        assertTrue(error.getMessage(), error.getMessage().startsWith("no event with id " + unknown + " in journal "));
    }

    /** A bundle holding the class file of {@link CheckpointedHandler} as its activator. */
    private static byte[] handlerBundle() throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, "example.catchup.handler");
        a.putValue(Constants.BUNDLE_ACTIVATOR, CheckpointedHandler.class.getName());
        a.putValue(Constants.IMPORT_PACKAGE, "ai.cleveragents.events;version=\"[1.1,2.0)\",org.osgi.framework");
        String path = CheckpointedHandler.class.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m);
                InputStream classFile = CheckpointedHandler.class.getClassLoader().getResourceAsStream(path)) {
            jar.putNextEntry(new JarEntry(path));
            classFile.transferTo(jar);
            jar.closeEntry();
        }
        return out.toByteArray();
    }
}
