package ai.cleveragents.events.bus.reactive.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventRejectedException;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.bus.reactive.internal.journal.Durability;
import ai.cleveragents.events.bus.reactive.internal.journal.Journal;
import ai.cleveragents.events.bus.reactive.internal.journal.JournalSettings;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

/**
 * One seed of {@link ReactiveStressTest}: a reactive bus with a journal and stream subscribers, raced
 * by emitters, a thread that subscribes late and churns synchronous subscriptions, and possibly a
 * close in the middle; then every invariant is checked.
 */
final class ReactiveStressRound {

    private static final EventType[] TYPES = EventType.values();

    private final long seed;
    private final Random random;
    private final int emitters;
    private final int eventsPerEmitter;
    private final OverflowPolicy policy;
    private final int bufferSize;
    private final Durability durability;
    private final boolean closeMidway;
    private final long closeAfter;
    private final int perturbPercent;
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private final SequenceLedger accepted;
    private final AtomicLong acceptedTotal = new AtomicLong();
    private final List<CheckingSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean closeStarted;
    private volatile boolean emittersDone;

    ReactiveStressRound(long seed, boolean soak) {
        this.seed = seed;
        this.random = new Random(seed);
        this.emitters = 1 + random.nextInt(3);
        this.policy = OverflowPolicy.values()[random.nextInt(3)];
        this.bufferSize = 1 + random.nextInt(64);
        this.durability = random.nextInt(5) == 0 ? Durability.GROUP : Durability.NONE;
        int max = durability == Durability.GROUP ? 40 : soak ? 3_000 : 300;
        this.eventsPerEmitter = 20 + random.nextInt(max);
        this.closeMidway = random.nextBoolean();
        this.closeAfter = random.nextInt(emitters * eventsPerEmitter);
        this.perturbPercent = random.nextInt(30);
        this.accepted = new SequenceLedger("accepted", emitters, violations);
    }

    @Override
    public String toString() {
        return "seed=" + seed + " emitters=" + emitters + " events/emitter=" + eventsPerEmitter + " policy=" + policy
                + " buffer=" + bufferSize + " durability=" + durability + " close="
                + (closeMidway ? "after " + closeAfter : "at end") + " perturb%=" + perturbPercent;
    }

    /** @return how many emits were accepted */
    long run(Path dir, List<String> failures) throws IOException, InterruptedException {
        ReactiveBus bus = new ReactiveBus(new JournalStage(Journal.open(JournalSettings.defaults(dir)
                .withDurability(durability)), DetailRedactor::defaults, false), new StreamPublisher(bufferSize, policy));
        EventBus view = bus.engine().view(null);
        SequenceLedger handled = new SequenceLedger("sync handler", emitters, violations);
        view.subscribeAll(handled::record);
        subscribe(bus, true, Long.MAX_VALUE);
        subscribe(bus, true, 1 + random.nextInt(16));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < emitters; t++) {
            int id = t;
            threads.add(new Thread(() -> emit(view, id), "stress-emit-" + t));
        }
        Thread other = new Thread(() -> lateSubscribersAndChurn(bus, view, new Random(seed * 17)), "stress-other");
        threads.forEach(Thread::start);
        other.start();
        join(threads);
        emittersDone = true;
        join(List.of(other));
        closeStarted = true;
        bus.close(10_000);
        check(bus, handled, dir);
        failures.addAll(violations.stream().map(v -> this + ": " + v).toList());
        return acceptedTotal.get();
    }

    private void subscribe(ReactiveBus bus, boolean fromStart, long batch) {
        CheckingSubscriber s = new CheckingSubscriber(new SequenceLedger("stream subscriber "
                + subscribers.size() + " (batch " + batch + ")", emitters, violations), fromStart, batch, this::perturb);
        subscribers.add(s);
        bus.stream().subscribe(s);
    }

    private void emit(EventBus view, int t) {
        for (long seq = 1; seq <= eventsPerEmitter; seq++) {
            perturb();
            DomainEvent event = DomainEvent.builder(TYPES[(int) ((seq + t) % TYPES.length)])
                    .detail("t", t).detail("seq", seq).build();
            try {
                view.emit(event);
                accepted.record(t, seq);
                acceptedTotal.incrementAndGet();
            } catch (EventRejectedException e) {
                if (e.reason() != EventRejectedException.Reason.CLOSED || !closeStarted) {
                    violations.add("emit rejected before close or not as CLOSED: " + e.reason() + " " + e.getMessage());
                }
            } catch (RuntimeException e) {
                violations.add("emit threw " + e);
            }
        }
    }

    private void lateSubscribersAndChurn(ReactiveBus bus, EventBus view, Random r) {
        int late = r.nextInt(3);
        boolean closed = false;
        while (!emittersDone) {
            perturb();
            if (late > 0 && r.nextInt(50) == 0) {
                late--;
                subscribe(bus, false, r.nextBoolean() ? Long.MAX_VALUE : 1 + r.nextInt(8));
            }
            try {
                Subscription s = view.subscribe(TYPES[r.nextInt(TYPES.length)], e -> perturb());
                perturb();
                s.close();
            } catch (EventRejectedException e) {
                if (e.reason() != EventRejectedException.Reason.CLOSED || !closeStarted) {
                    violations.add("subscribe rejected before close: " + e.getMessage());
                }
            }
            if (closeMidway && !closed && acceptedTotal.get() >= closeAfter) {
                closed = true;
                closeStarted = true;
                bus.close(10_000);
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(20));
        }
    }

    private void check(ReactiveBus bus, SequenceLedger handled, Path dir) throws IOException, InterruptedException {
        handled.expectSameAs(accepted);
        long emitted = bus.engine().metrics().emitted().values().stream().mapToLong(Long::longValue).sum();
        if (emitted != acceptedTotal.get()) {
            violations.add("metrics emitted " + emitted + ", accepted " + acceptedTotal.get());
        }
        SequenceLedger journaled = new SequenceLedger("journal replay", emitters, violations);
        try (Journal reopened = Journal.open(JournalSettings.defaults(dir));
                Stream<DomainEvent> all = reopened.replaySince(Instant.EPOCH, Set.of())) {
            all.forEach(journaled::record);
        }
        journaled.expectSameAs(accepted);
        for (CheckingSubscriber s : subscribers) {
            checkSubscriber(s);
        }
    }

    private void checkSubscriber(CheckingSubscriber s) throws InterruptedException {
        if (!s.terminated.await(10, TimeUnit.SECONDS)) {
            violations.add(s.received + " not terminated 10 s after close");
            return;
        }
        long got = s.received.total() + s.drops();
        if (s.error != null) {
            if (policy != OverflowPolicy.CANCEL || !s.error.getMessage().contains("overflow policy cancel")) {
                violations.add("unexpected onError " + s.error);
            }
        } else if (s.fromStart && got != acceptedTotal.get()) {
            violations.add("a subscriber from the start received " + s.received.total() + " + dropped " + s.drops()
                    + " != accepted " + acceptedTotal.get());
        } else if (got > acceptedTotal.get()) {
            violations.add("a late subscriber received more than was accepted");
        }
    }

    private void perturb() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        if (r.nextInt(100) < perturbPercent) {
            if (r.nextBoolean()) {
                Thread.yield();
            } else {
                for (int i = r.nextInt(1_000); i > 0; i--) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    private void join(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            if (t.isAlive()) {
                violations.add(t.getName() + " hangs: " + List.of(t.getStackTrace()));
                t.interrupt();
            }
        }
    }
}
