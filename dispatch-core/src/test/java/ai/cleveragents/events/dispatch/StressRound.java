package ai.cleveragents.events.dispatch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;

/**
 * One seed of {@link ScheduleStressTest}: emitters, churners (subscribe, close, closeOwner) and
 * possibly a closer race on one engine; afterwards every invariant is checked and each broken one is
 * reported as a line naming the seed's schedule.
 */
final class StressRound {

    /** Owners the churners subscribe as and close; the stable subscribers belong to none of them. */
    private static final Object[] OWNERS = {null, "owner-a", "owner-b", "owner-c"};
    private static final Object STABLE_OWNER = "stable";
    private static final EventType[] TYPES = EventType.values();

    private final StressSchedule schedule;
    private final DispatchEngine engine;
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private final LongAdder stageCalls = new LongAdder();
    private final LongAdder churnDeliveries = new LongAdder();
    private final LongAdder throwingCalls = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder churnOps = new LongAdder();
    private final AtomicLong accepted = new AtomicLong();
    private final long[] acceptedPerThread;
    private final long[] acceptedSeqSum;
    private final long[] plansPerThread;
    private final long[] planSeqSum;
    private final List<OrderCheckingHandler> stable = new ArrayList<>();
    private final OrderCheckingHandler plans;
    private volatile boolean closeStarted;
    private volatile boolean closeReturned;
    private volatile boolean emittersDone;

    StressRound(StressSchedule schedule) {
        this.schedule = schedule;
        this.engine = new DispatchEngine("stress", (event, emitter) -> {
            stageCalls.increment();
            schedule.perturb();
            return false;
        });
        int n = schedule.emitters;
        acceptedPerThread = new long[n];
        acceptedSeqSum = new long[n];
        plansPerThread = new long[n];
        planSeqSum = new long[n];
        for (int i = 0; i < schedule.stableHandlers; i++) {
            OrderCheckingHandler h = new OrderCheckingHandler("stable-" + i, schedule, () -> closeReturned, violations);
            stable.add(h);
            engine.subscribeAll(h, STABLE_OWNER);
        }
        plans = new OrderCheckingHandler("plans", schedule, () -> closeReturned, violations);
        engine.subscribe(EventType.PLAN_CREATED, plans, STABLE_OWNER);
        if (schedule.throwingHandler) {
            engine.subscribeAll(e -> {
                throwingCalls.increment();
                throw new IllegalStateException("thrown on purpose");
            }, "thrower");
        }
    }

    /** Totals of one round, for the summary line. */
    record Totals(long accepted, long rejected, long churnOps, boolean closedMidway) {
    }

    Totals run(List<String> failures) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Thread> emitterThreads = new ArrayList<>();
        for (int t = 0; t < schedule.emitters; t++) {
            int id = t;
            emitterThreads.add(new Thread(() -> emit(id), "stress-emit-" + t));
        }
        threads.addAll(emitterThreads);
        for (int c = 0; c < schedule.churners; c++) {
            Random r = new Random(schedule.seed * 31 + c);
            threads.add(new Thread(() -> churn(r), "stress-churn-" + c));
        }
        if (schedule.closeMidway) {
            threads.add(new Thread(this::closeMidway, "stress-close"));
        }
        threads.forEach(Thread::start);
        joinAll(emitterThreads);
        emittersDone = true;
        joinAll(threads);
        check();
        failures.addAll(violations.stream().map(v -> schedule + ": " + v).toList());
        return new Totals(accepted.get(), rejected.sum(), churnOps.sum(), schedule.closeMidway);
    }

    private void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            if (t.isAlive()) {
                violations.add(t.getName() + " hangs: " + List.of(t.getStackTrace()));
                t.interrupt();
            }
        }
    }

    private void emit(int t) {
        for (long seq = 1; seq <= schedule.eventsPerEmitter; seq++) {
            schedule.perturb();
            EventType type = TYPES[(int) ((seq * 7 + t) % TYPES.length)];
            DomainEvent event = DomainEvent.builder(type).detail("t", t).detail("seq", seq).build();
            boolean afterClose = closeReturned;
            try {
                engine.emit(event);
                if (afterClose) {
                    violations.add("emit accepted although close had returned: " + event.eventId());
                }
                acceptedPerThread[t]++;
                acceptedSeqSum[t] += seq;
                if (type == EventType.PLAN_CREATED) {
                    plansPerThread[t]++;
                    planSeqSum[t] += seq;
                }
                accepted.incrementAndGet();
            } catch (EventRejectedException e) {
                expectClosed("emit", e);
                rejected.increment();
            } catch (RuntimeException e) {
                violations.add("emit threw " + e);
            }
        }
    }

    private void churn(Random r) {
        List<Subscription> held = new ArrayList<>();
        while (!emittersDone) {
            schedule.perturb();
            churnOps.increment();
            int op = r.nextInt(100);
            try {
                if (op < 45 && held.size() < 32) {
                    held.add(subscribeRandom(r));
                } else if (op < 85 && !held.isEmpty()) {
                    held.remove(r.nextInt(held.size())).close();
                } else if (op < 95) {
                    engine.closeOwner(OWNERS[r.nextInt(OWNERS.length)]);
                } else {
                    engine.metrics();
                }
            } catch (EventRejectedException e) {
                expectClosed("subscribe", e);
            } catch (RuntimeException e) {
                violations.add("churn op " + op + " threw " + e);
            }
        }
        held.forEach(Subscription::close);
    }

    private Subscription subscribeRandom(Random r) {
        Object owner = OWNERS[r.nextInt(OWNERS.length)];
        if (r.nextBoolean()) {
            return engine.subscribeAll(e -> churnDeliveries.increment(), owner);
        }
        EnumSet<EventType> types = EnumSet.of(TYPES[r.nextInt(TYPES.length)], TYPES[r.nextInt(TYPES.length)]);
        return engine.subscribe(types, e -> churnDeliveries.increment(), owner);
    }

    private void closeMidway() {
        while (accepted.get() < schedule.closeAfterEvents && !emittersDone) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
        closeStarted = true;
        engine.close(schedule::perturb, 10_000);
        closeReturned = true;
    }

    private void expectClosed(String op, EventRejectedException e) {
        if (e.reason() != EventRejectedException.Reason.CLOSED || !closeStarted) {
            violations.add(op + " rejected before close or not as CLOSED: " + e.reason() + " " + e.getMessage());
        }
    }

    private void check() {
        for (OrderCheckingHandler h : stable) {
            checkPerThread(h, acceptedPerThread, acceptedSeqSum);
        }
        checkPerThread(plans, plansPerThread, planSeqSum);
        EventBusMetrics m = engine.metrics();
        long emitted = m.emitted().values().stream().mapToLong(Long::longValue).sum();
        expect("metrics emitted", accepted.get(), emitted);
        expect("stage calls", accepted.get(), stageCalls.sum());
        long stableDeliveries = stable.stream().mapToLong(OrderCheckingHandler::total).sum() + plans.total();
        expect("metrics deliveries", stableDeliveries + churnDeliveries.sum(), m.deliveries());
        expect("metrics failures", throwingCalls.sum(), m.handlerFailures());
        if (schedule.throwingHandler) {
            expect("throwing handler calls", accepted.get(), throwingCalls.sum());
        }
        expect("unhandled", 0, m.unhandled().values().stream().mapToLong(Long::longValue).sum());
        int expectedSubscriptions = closeReturned ? 0 : stable.size() + 1 + (schedule.throwingHandler ? 1 : 0);
        expect("subscriptions", expectedSubscriptions, m.subscriptions());
        engine.close(() -> { }, 10_000);
        expect("subscriptions after close", 0, engine.metrics().subscriptions());
    }

    private void checkPerThread(OrderCheckingHandler h, long[] expectedCount, long[] expectedSum) {
        for (int t = 0; t < schedule.emitters; t++) {
            expect("events of thread " + t + " at handler", expectedCount[t], h.count[t]);
            expect("seq sum of thread " + t + " at handler", expectedSum[t], h.seqSum[t]);
        }
    }

    private void expect(String what, long expected, long actual) {
        if (expected != actual) {
            violations.add(what + ": expected " + expected + " but was " + actual);
        }
    }
}
