package ai.cleveragents.events.operations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.log.LogReaderService;

import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.MetricsSource;
import ai.cleveragents.events.dispatch.DispatchEngine;

/** events:health in a real framework, with a real bus and a real Gogo session. */
public class HealthCommandTest {

    private EmbeddedFramework framework;
    private HealthCommand health;
    private LogForwarder forwarder;
    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private CommandSession session;

    @Before
    public void start() throws Exception {
        framework = new EmbeddedFramework();
        forwarder = new LogForwarder(StandIn.of(LogReaderService.class, Map.of(
                "getLog", a -> Collections.emptyEnumeration(), "addLogListener", a -> null)));
        health = new HealthCommand(framework.context(), forwarder);
        threadIO.start();
        session = new CommandProcessorImpl(threadIO).createSession(new ByteArrayInputStream(new byte[0]), out, out);
    }

    @After
    public void stop() throws Exception {
        session.close();
        threadIO.stop();
        framework.close();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void withoutBusOrJournalItIsUnhealthy() {
        UnhealthyException e = assertThrows(UnhealthyException.class, () -> health.health(session));
        assertEquals("unhealthy: buses, journal", e.getMessage());
        assertTrue(output(), output().contains("buses             failed   no EventBus service"));
        assertTrue(output(), output().contains("bridge            ok       not running"));
        assertTrue(output(), output().contains("last.problem      ok       none"));
    }

    @Test
    public void withABusAJournalAndABridgeItIsHealthy() {
        Hashtable<String, Object> busProps = new Hashtable<>(Map.of("event.bus.name", "reactive", "service.ranking", 100));
        framework.context().registerService(EventBus.class, new DispatchEngine("logging", (e, emitter) -> false).view(null),
                new Hashtable<>(Map.of("event.bus.name", "logging", "service.ranking", 10)));
        framework.context().registerService(EventBus.class, new DispatchEngine("reactive", (e, emitter) -> false).view(null), busProps);
        framework.context().registerService(MetricsSource.class, () -> Map.of("queue.depth", 2L, "queue.capacity", 10L),
                new Hashtable<>(Map.of("metrics.name", HealthCommand.BRIDGE)));
        health.journal = StandIn.of(EventJournal.class, Map.of("lastEventId", a -> Optional.of("01M8XX3GAZDT3CH8AWW5J4NAJ2"),
                "knownProblems", a -> List.of()));
        forwarder.problems().remember("configuration", "service.ranking=abc is not valid");
        health.health(session);
        assertTrue(output(), output().contains("buses             ok       reactive (100), logging (10)"));
        assertTrue(output(), output().contains("journal           ok       last event 01M8XX3GAZDT3CH8AWW5J4NAJ2"));
        assertTrue(output(), output().contains("journal.verified  ok       no problem found at opening"));
        assertTrue(output(), output().contains("bridge            ok       queue 2 of 10"));
        assertTrue(output(), output().contains("Z configuration: service.ranking=abc is not valid"));
        assertTrue(output(), output().endsWith("healthy" + System.lineSeparator()));
    }

    @Test
    public void problemsTheJournalFoundAtOpeningMakeItUnhealthy() {
        framework.context().registerService(EventBus.class, new DispatchEngine("reactive", (e, emitter) -> false).view(null),
                new Hashtable<>(Map.of("event.bus.name", "reactive", "service.ranking", 100)));
        health.journal = StandIn.of(EventJournal.class, Map.of("lastEventId", a -> Optional.of("01M8XX3GAZDT3CH8AWW5J4NAJ2"),
                "knownProblems", a -> List.of(new JournalProblem(JournalProblem.Kind.SEQUENCE_GAP,
                        "events-0000000000000002-01M8XX3GAZDT3CH8AWW5J4NAJ2.jsonl", 0, "records 5..8 missing"))));
        assertEquals("unhealthy: journal.verified",
                assertThrows(UnhealthyException.class, () -> health.health(session)).getMessage());
        assertTrue(output(), output().contains("journal.verified  failed   1 problem(s) found at opening, first: SEQUENCE_GAP"));
    }

    @Test
    public void aFullBridgeQueueIsAFailure() {
        framework.context().registerService(MetricsSource.class, () -> Map.of("queue.depth", 10L, "queue.capacity", 10L),
                new Hashtable<>(Map.of("metrics.name", HealthCommand.BRIDGE)));
        assertEquals("unhealthy: buses, journal, bridge",
                assertThrows(UnhealthyException.class, () -> health.health(session)).getMessage());
        assertTrue(output(), output().contains("bridge            failed   queue 10 of 10"));
    }
}
