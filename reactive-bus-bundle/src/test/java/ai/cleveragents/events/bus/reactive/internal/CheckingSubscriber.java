package ai.cleveragents.events.bus.reactive.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

import ai.cleveragents.events.DomainEvent;

/**
 * A stream subscriber of {@link ReactiveStressTest}: records what it receives in a
 * {@link SequenceLedger}, requests in batches (or everything at once), and perturbs its delivery
 * thread so that buffers fill up.
 */
final class CheckingSubscriber implements Flow.Subscriber<DomainEvent> {

    final SequenceLedger received;
    final CountDownLatch terminated = new CountDownLatch(1);
    final boolean fromStart;
    private final long batch;
    private final Runnable perturb;
    private long outstanding;
    volatile StreamSubscription subscription;
    volatile Throwable error;

    /** @param batch events requested at a time; {@code Long.MAX_VALUE} for unbounded demand */
    CheckingSubscriber(SequenceLedger received, boolean fromStart, long batch, Runnable perturb) {
        this.received = received;
        this.fromStart = fromStart;
        this.batch = batch;
        this.perturb = perturb;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = (StreamSubscription) s;
        outstanding = batch;
        s.request(batch);
    }

    @Override
    public void onNext(DomainEvent item) {
        received.record(item);
        perturb.run();
        if (batch != Long.MAX_VALUE && --outstanding == 0) {
            outstanding = batch;
            subscription.request(batch);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        error = throwable;
        onComplete();
    }

    /** Also the end of {@link #onError}: {@link #error} tells them apart. */
    @Override
    public void onComplete() {
        terminated.countDown();
    }

    long drops() {
        StreamSubscription s = subscription;
        return s == null ? 0 : s.drops();
    }
}
