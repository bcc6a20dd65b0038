package ai.cleveragents.events.bus.reactive.internal;

import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import ai.cleveragents.events.DomainEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream subscriber: its bounded buffer, its own delivery thread, its demand. Emitters call
 * {@link #offer}; the subscriber's own thread runs {@link #run()}, a loop that drains the buffer and
 * parks when there is nothing to do, so {@code onSubscribe}, {@code onNext}, {@code onError} and
 * {@code onComplete} are serial, as Reactive Streams requires.
 *
 * <p>Wake-ups: the loop announces that it is about to park ({@link #parked}) and checks for work once
 * more before parking; whoever adds work (an event, demand, a cancel, the completion) unparks it only
 * when it has announced that. An emitter therefore pays a volatile read per event, not a hand-off to an
 * executor, and a busy subscriber drains whatever arrived while it ran in one go (issue 20: 4 stream
 * subscribers on 2 cores spent their time waking each other up).
 */
final class StreamSubscription implements Flow.Subscription, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSubscription.class);
    private static final long BLOCK_CHECK_MILLIS = 10;
    private static final int SPINS_BEFORE_PARKING = 256;

    private final long id;
    private final Flow.Subscriber<? super DomainEvent> downstream;
    private final EventRing buffer;
    /** Emitters waiting for room under {@link OverflowPolicy#BLOCK}; unparked after each drain. */
    private final ConcurrentLinkedQueue<Thread> blocked = new ConcurrentLinkedQueue<>();
    private final OverflowPolicy policy;
    private final ExecutorService executor;
    private final Consumer<StreamSubscription> onTerminate;
    private final AtomicLong demand = new AtomicLong();
    private final LongAdder drops = new LongAdder();
    /** Read and written only by the drain loop. */
    private boolean subscribed;
    /** Read and written only by the drain loop. */
    private boolean terminated;
    private volatile boolean cancelled;
    private volatile boolean completing;
    /** Set when the bus closes: an emitter no longer waits for room, the event is dropped instead. */
    private volatile boolean released;
    private volatile Throwable error;
    /** The delivery thread, once {@link #run()} started. */
    private volatile Thread consumer;
    /** Set by the delivery thread before it parks; cleared by whoever unparks it. */
    private volatile boolean parked;

    StreamSubscription(long id, Flow.Subscriber<? super DomainEvent> downstream, int capacity,
            OverflowPolicy policy, ExecutorService executor, Consumer<StreamSubscription> onTerminate) {
        this.id = id;
        this.downstream = downstream;
        this.buffer = new EventRing(capacity);
        this.policy = policy;
        this.executor = executor;
        this.onTerminate = onTerminate;
    }

    long id() {
        return id;
    }

    long drops() {
        return drops.sum();
    }

    /** Starts the delivery thread's loop. */
    void start() {
        try {
            executor.execute(this);
        } catch (RejectedExecutionException alreadyTerminated) {
            // the subscription ended before it started: nothing to deliver
        }
    }

    /** Called by emitters. May block under {@link OverflowPolicy#BLOCK}. */
    void offer(DomainEvent event) {
        if (cancelled || completing) {
            return;
        }
        if (!buffer.offer(event)) {
            overflow(event);
        }
        signal();
    }

    private void overflow(DomainEvent event) {
        switch (policy) {
            case BLOCK -> putBlocking(event);
            case DROP_NEWEST -> drops.increment();
            case CANCEL -> {
                drops.increment();
                fail(new IllegalStateException("stream subscriber " + id + " cancelled: its buffer of "
                        + buffer.capacity() + " events is full (overflow policy cancel)"));
            }
        }
    }

    /**
     * Waits for room: registers as blocked, tries again (the delivery thread may have made room before it
     * saw the registration), parks until the delivery thread unparks it after a drain, or for at most
     * {@value #BLOCK_CHECK_MILLIS} ms to notice a cancel, the completion or the bus's release.
     */
    private void putBlocking(DomainEvent event) {
        Thread self = Thread.currentThread();
        while (!cancelled && !completing && !released && !self.isInterrupted()) {
            blocked.add(self);
            VarHandle.fullFence();
            boolean added = buffer.offer(event);
            if (!added) {
                signal();
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(BLOCK_CHECK_MILLIS));
            }
            blocked.remove(self);
            if (added) {
                return;
            }
        }
        drops.increment();
    }

    /**
     * Releases emitters blocked on the full buffer, and keeps later ones from waiting: their event is
     * dropped for this subscriber and counted. Events that fit are still buffered and delivered.
     */
    void release() {
        released = true;
    }

    /** Completes the subscriber once its buffer is drained. */
    void complete() {
        completing = true;
        signal();
    }

    private void fail(Throwable t) {
        error = t;
        cancelled = true;
        signal();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            fail(new IllegalArgumentException("request(" + n + ") violates Reactive Streams rule 3.9: n must be positive"));
            return;
        }
        demand.getAndAccumulate(n, (current, add) -> {
            long sum = current + add;
            return sum < 0 ? Long.MAX_VALUE : sum;
        });
        signal();
    }

    @Override
    public void cancel() {
        cancelled = true;
        signal();
    }

    /** Unparks the delivery thread if it announced it would park; a volatile read otherwise. */
    private void signal() {
        VarHandle.fullFence(); // the work just added is visible before the parked flag is read
        if (parked) {
            parked = false;
            LockSupport.unpark(consumer);
        }
    }

    @Override
    public void run() {
        consumer = Thread.currentThread();
        while (!terminated) {
            drain();
            if (terminated) {
                return;
            }
            if (spinForWork()) {
                continue;
            }
            parked = true;
            VarHandle.fullFence(); // the flag is visible before the buffer is read again
            if (hasWork()) {
                parked = false;
            } else {
                LockSupport.park(this);
            }
        }
    }

    /**
     * Before parking, watches for work for about a microsecond: an emitter in the middle of a burst
     * offers the next event sooner than a park and an unpark take, so the subscriber goes on draining
     * instead of costing the emitter a wake-up (a system call) per event.
     *
     * @return {@code true} if work arrived
     */
    private boolean spinForWork() {
        for (int i = 0; i < SPINS_BEFORE_PARKING; i++) {
            if (hasWork()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    /** Read after {@link #parked} is set: whether the drain loop could make progress now. */
    private boolean hasWork() {
        return cancelled || (completing && buffer.isEmpty()) || (!buffer.isEmpty() && demand.get() > 0);
    }

    private void drain() {
        if (terminated) {
            buffer.clear();
            return;
        }
        if (!subscribed) {
            subscribed = true;
            if (!call(() -> downstream.onSubscribe(this))) {
                return;
            }
        }
        if (cancelled) {
            Throwable t = error;
            terminate(t == null ? null : () -> downstream.onError(t));
            return;
        }
        long requested = demand.get();
        long sent = 0;
        while (sent != requested && !cancelled) {
            DomainEvent next = buffer.poll();
            if (next == null) {
                break;
            }
            if (!deliver(next)) {
                return;
            }
            sent++;
        }
        if (sent != 0 && requested != Long.MAX_VALUE) {
            demand.addAndGet(-sent);
        }
        if (sent != 0 && !blocked.isEmpty()) {
            blocked.forEach(LockSupport::unpark);
        }
        if (completing && buffer.isEmpty() && !cancelled) {
            terminate(downstream::onComplete);
        }
    }

    private boolean call(Runnable signal) {
        try {
            signal.run();
            return true;
        } catch (RuntimeException | LinkageError e) {
            return thrown(e);
        }
    }

    /** {@code onNext} without a lambda per event. */
    private boolean deliver(DomainEvent next) {
        try {
            downstream.onNext(next);
            return true;
        } catch (RuntimeException | LinkageError e) {
            return thrown(e);
        }
    }

    private boolean thrown(Throwable e) {
        LOG.warn("stream subscriber {} ({}) threw; cancelling it", id, downstream.getClass().getName(), e);
        cancelled = true;
        terminate(null);
        return false;
    }

    private void terminate(Runnable lastSignal) {
        terminated = true;
        cancelled = true;
        buffer.clear();
        if (lastSignal != null) {
            call(lastSignal);
        }
        onTerminate.accept(this);
        executor.shutdown();
    }
}
