package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;


import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.services.Decision;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanPhase;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * Issue 6, cases (2) to (5): the services follow the best-ranked bus as buses come and go. Each test
 * puts the reactive bus in the state it needs first; the logging bus stays up throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServicesFollowTheBusTest extends ServicesTestSupport {

    private static final String REACTIVE = "ai.cleveragents.events.bus.reactive";
    /** Events per {@link #runOnePlan}: plan.created, decision.created, decision.superseded, then 6 from executePlan. */
    private static final int EVENTS_PER_PLAN = 9;

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), loggingBus(), reactiveBus(),
            servicesBundle()};
    }

    /** (2) Only the logging bus: every event of the plan is logged. */
    @Test
    public void withOnlyTheLoggingBusEventsAreLogged() throws Exception {
        stopReactive();
        long before = emittedOn("logging");

        Plan plan = runOnePlan();

        assertEquals(EVENTS_PER_PLAN, emittedOn("logging") - before);
        Path log = Path.of("target", "itests.log");
        waitFor(() -> linesMentioning(log, plan.planId()) >= EVENTS_PER_PLAN);
    }

    /** (3) The reactive bus starts: the services move to it (ranking 100 over 10) and its journal gets the events. */
    @Test
    public void whenTheReactiveBusStartsTheServicesFollowItAndItsJournalGetsTheEvents() throws Exception {
        stopReactive();
        startReactive();
        long loggedBefore = emittedOn("logging");
        Instant start = Instant.now().minusMillis(1);

        Plan plan = runOnePlan();

        assertEquals("nothing went to the lower-ranked bus", loggedBefore, emittedOn("logging"));
        ServiceReference<EventJournal> ref = context.getServiceReference(EventJournal.class);
        EventJournal journal = context.getService(ref);
        try (Stream<DomainEvent> replay = journal.replaySince(start, Set.of())) {
            List<EventType> types = replay.filter(e -> plan.planId().equals(e.planId()))
                    .map(DomainEvent::eventType).collect(Collectors.toList());
            assertEquals(List.of(EventType.PLAN_CREATED, EventType.DECISION_CREATED, EventType.DECISION_SUPERSEDED,
                    EventType.PLAN_STARTED, EventType.PLAN_PHASE_CHANGED, EventType.PLAN_PHASE_CHANGED,
                    EventType.PLAN_PHASE_CHANGED, EventType.PLAN_PHASE_CHANGED, EventType.PLAN_COMPLETED), types);
        } finally {
            context.ungetService(ref);
        }
    }

    /** (4) The reactive bus stops: the services fall back to the logging bus, and no call fails. */
    @Test
    public void whenTheReactiveBusStopsTheServicesFallBackToLoggingWithoutError() throws Exception {
        startReactive();
        Plan plan = plans.useAction("deploy", "proj", "sess-4", "carol", null, null);
        long lostBefore = lostAndSkipped();

        stopReactive();
        long before = emittedOn("logging");
        assertEquals(PlanPhase.COMPLETED, plans.executePlan(plan.planId()).phase());

        assertEquals(6, emittedOn("logging") - before);
        assertEquals(lostBefore, lostAndSkipped());
    }

    /**
     * (5) Two threads call the services while the reactive bus is stopped and started 50 times (each state
     * lasting until the callers completed at least one more plan): every call succeeds, and a whiteboard
     * handler receives every event exactly once.
     */
    @Test
    public void eventsAreDeliveredExactlyOnceWhileTheReactiveBusComesAndGoes() throws Exception {
        startReactive();
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        ServiceRegistration<EventHandler> counter = registerHandler(
                e -> received.computeIfAbsent(e.eventId(), id -> new AtomicInteger()).incrementAndGet());
        long lostBefore = lostAndSkipped();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong plansRun = new AtomicLong();
        Collection<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> callers = new ArrayList<>();
        try {
            for (int t = 0; t < 2; t++) {
                Thread caller = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            runOnePlan();
                            plansRun.incrementAndGet();
                        }
                    } catch (RuntimeException | Error e) {
                        failures.add(e);
                    }
                }, "services-caller-" + t);
                callers.add(caller);
                caller.start();
            }
            for (int cycle = 0; cycle < 50; cycle++) {
                awaitProgress(plansRun, failures);
                stopReactive();
                awaitProgress(plansRun, failures);
                startReactive();
            }
        } finally {
            stop.set(true);
            for (Thread caller : callers) {
                caller.join(30_000);
            }
            counter.unregister();
        }

        assertTrue(failures.toString(), failures.isEmpty());
        assertEquals(plansRun.get() * EVENTS_PER_PLAN, received.size());
        List<String> notOnce = received.entrySet().stream().filter(e -> e.getValue().get() != 1)
                .map(Map.Entry::getKey).collect(Collectors.toList());
        assertTrue("delivered more than once: " + notOnce, notOnce.isEmpty());
        assertEquals("no event skipped or lost", lostBefore, lostAndSkipped());
    }

    /** Waits until the callers completed one more plan (or one failed), so that calls span every swap. */
    private static void awaitProgress(AtomicLong plansRun, Collection<Throwable> failures) {
        long reached = plansRun.get();
        waitFor(() -> plansRun.get() > reached || !failures.isEmpty());
    }

    private Plan runOnePlan() {
        Plan plan = plans.useAction("refactor", "proj", "sess-1", "alice", Map.of("file", "A.java"), null);
        Decision decision = decisions.recordDecision(plan.planId(), "tool", "which tool?", "sed", "fast");
        decisions.supersedeDecision(decision.decisionId(), "awk", "columns");
        assertEquals(PlanPhase.COMPLETED, plans.executePlan(plan.planId()).phase());
        return plan;
    }

    private void stopReactive() throws BundleException {
        installedBundle(REACTIVE).stop();
        waitFor(() -> busNamed("reactive") == null);
    }

    private void startReactive() throws BundleException {
        Bundle reactive = installedBundle(REACTIVE);
        reactive.start();
        waitFor(() -> busNamed("reactive") != null);
    }

    private ServiceReference<EventBus> busNamed(String name) {
        try {
            Collection<ServiceReference<EventBus>> refs = context.getServiceReferences(EventBus.class,
                    "(" + EventBusConstants.BUS_NAME + "=" + name + ")");
            return refs.isEmpty() ? null : refs.iterator().next();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad bus name " + name, e);
        }
    }

    /** @return events the named bus accepted so far, all types together */
    private long emittedOn(String name) {
        ServiceReference<EventBus> ref = busNamed(name);
        EventBus bus = context.getService(ref);
        try {
            return bus.metrics().emitted().values().stream().mapToLong(Long::longValue).sum();
        } finally {
            context.ungetService(ref);
        }
    }

    private long lostAndSkipped() {
        return servicesCounter("emits.lost") + servicesCounter("emits.skipped");
    }

    private static long linesMentioning(Path log, String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
