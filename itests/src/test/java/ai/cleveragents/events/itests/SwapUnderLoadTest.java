package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import javax.inject.Inject;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.services.Plan;
import ai.cleveragents.events.services.PlanPhase;
import ai.cleveragents.events.SwapSafeEmitter;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Swap under load (issue 9, docs/reliability.md): two threads run plans through
 * {@code PlanLifecycleService} and two emit directly on the current (best-ranked) bus, at full speed,
 * while the reactive bus bundle is stopped and started and the logging bus's ranking is moved above and
 * below the reactive bus through Config Admin. Default build: 3 s, 20 stops, 4 ranking changes;
 * {@code -Psoak}: 10 s, 100 stops, 20 ranking changes. A whiteboard handler counts every event by id:
 * each must arrive exactly once, and no caller sees an exception. The direct emitters follow the swap
 * protocol of the API: an emit rejected with {@code CLOSED} reached no one and is retried on the bus now
 * ranked best. The reactive bus runs with {@code journal.durability=none} so that the journal's
 * {@code fsync} does not set the pace.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SwapUnderLoadTest extends ServicesTestSupport {

    private static final boolean SOAK = Boolean.getBoolean("soak");
    private static final long MILLIS = SOAK ? 10_000 : 3_000;
    private static final int STOPS = SOAK ? 100 : 20;
    private static final int RANKING_CHANGES = SOAK ? 20 : 4;
    /** plan.created, plan.started, four plan.phase_changed, plan.completed. */
    private static final int EVENTS_PER_PLAN = 7;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), loggingBus(), reactiveBus(),
            servicesBundle()};
    }

    @Test
    public void everyEventArrivesExactlyOnceAndNoCallerFailsWhileBusesSwap() throws Exception {
        configure("ai.cleveragents.events.bus.reactive", "journal.durability", "none");
        waitFor(() -> busNamed("reactive") != null);
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_TYPES, "*");
        ServiceRegistration<EventHandler> counter = context.registerService(EventHandler.class,
                e -> received.computeIfAbsent(e.eventId(), id -> new AtomicInteger()).incrementAndGet(), props);
        ServiceTracker<EventBus, EventBus> best = new ServiceTracker<>(context, EventBus.class, null);
        best.open();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder plansRun = new LongAdder();
        LongAdder direct = new LongAdder();
        LongAdder retries = new LongAdder();
        Collection<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            callers.add(caller("plans-" + t, stop, failures, () -> {
                Plan plan = plans.useAction("swap", "proj", "sess", "load", Map.of(), null);
                assertEquals(PlanPhase.COMPLETED, plans.executePlan(plan.planId()).phase());
                plansRun.increment();
            }));
            callers.add(caller("direct-" + t, stop, failures, () -> {
                emitOnBest(best, DomainEvent.of(EventType.TOOL_INVOKED), retries);
                direct.increment();
            }));
        }
        long started = System.nanoTime();
        callers.forEach(Thread::start);
        swap(started);
        long elapsed = System.nanoTime() - started;
        stop.set(true);
        for (Thread caller : callers) {
            caller.join(30_000);
        }
        counter.unregister();
        best.close();

        long expected = plansRun.sum() * EVENTS_PER_PLAN + direct.sum();
        System.out.printf("swap under load: %d ms, %d reactive stops, %d ranking changes, %d plans + %d direct "
                + "events = %d events, %.0f events/s, %d direct emits retried after CLOSED%n",
                TimeUnit.NANOSECONDS.toMillis(elapsed), STOPS, RANKING_CHANGES, plansRun.sum(), direct.sum(),
                expected, expected * 1e9 / elapsed, retries.sum());
        assertTrue("caller exceptions: " + failures, failures.isEmpty());
        assertEquals("distinct events received", expected, received.size());
        List<String> notOnce = received.entrySet().stream().filter(e -> e.getValue().get() != 1)
                .map(Map.Entry::getKey).collect(Collectors.toList());
        assertTrue("delivered more than once: " + notOnce, notOnce.isEmpty());
    }

    /** Stops and starts the reactive bus {@link #STOPS} times and changes the logging ranking, paced over the run. */
    private void swap(long started) throws Exception {
        int rankingEvery = STOPS / RANKING_CHANGES;
        for (int i = 1; i <= STOPS; i++) {
            Bundle reactive = installedBundle("ai.cleveragents.events.bus.reactive");
            reactive.stop();
            reactive.start();
            waitFor(() -> busNamed("reactive") != null);
            if (i % rankingEvery == 0) {
                int ranking = (i / rankingEvery) % 2 == 1 ? 150 : 10;
                configure("ai.cleveragents.events.bus.logging", Constants.SERVICE_RANKING, ranking);
                waitFor(() -> Integer.valueOf(ranking).equals(busNamed("logging").getProperty(Constants.SERVICE_RANKING)));
            }
            long slot = started + TimeUnit.MILLISECONDS.toNanos(MILLIS) * i / STOPS;
            while (System.nanoTime() - slot < 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    /**
     * Emits through the API's swap rule ({@link SwapSafeEmitter}); while no bus is bound at all (between an
     * unregistration and the next registration) it tries again, so that every event is emitted.
     */
    private static void emitOnBest(ServiceTracker<EventBus, EventBus> best, DomainEvent event, LongAdder retries) {
        SwapSafeEmitter emitter = new SwapSafeEmitter(best::getService);
        while (emitter.emit(event) != SwapSafeEmitter.Outcome.EMITTED) {
            retries.increment();
            Thread.onSpinWait();
        }
    }

    private static Thread caller(String name, AtomicBoolean stop, Collection<Throwable> failures, Runnable call) {
        return new Thread(() -> {
            try {
                while (!stop.get()) {
                    call.run();
                }
            } catch (RuntimeException | Error e) {
                failures.add(e);
            }
        }, name);
    }

    private void configure(String pid, String key, Object value) throws Exception {
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put(key, value);
        c.update(props);
    }

    private ServiceReference<EventBus> busNamed(String name) {
        try {
            return context.getServiceReferences(EventBus.class, "(" + EventBusConstants.BUS_NAME + "=" + name + ")")
                    .stream().findFirst().orElse(null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
