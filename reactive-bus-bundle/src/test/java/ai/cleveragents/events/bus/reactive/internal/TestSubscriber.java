package ai.cleveragents.events.bus.reactive.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;

/** A Flow subscriber recording every signal, requesting up front or on demand. */
final class TestSubscriber implements Flow.Subscriber<DomainEvent> {

    final List<DomainEvent> received = new CopyOnWriteArrayList<>();
    final CountDownLatch subscribed = new CountDownLatch(1);
    final CountDownLatch terminated = new CountDownLatch(1);
    volatile Flow.Subscription subscription;
    volatile Throwable error;
    volatile boolean completed;
    private final long initialRequest;

    TestSubscriber(long initialRequest) {
        this.initialRequest = initialRequest;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        subscribed.countDown();
        if (initialRequest > 0) {
            s.request(initialRequest);
        }
    }

    @Override
    public void onNext(DomainEvent item) {
        received.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        error = throwable;
        terminated.countDown();
    }

    @Override
    public void onComplete() {
        completed = true;
        terminated.countDown();
    }

    void awaitSubscribed() throws InterruptedException {
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("never subscribed");
        }
    }

    void awaitTerminated() throws InterruptedException {
        if (!terminated.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("never terminated");
        }
    }
}
