package ai.cleveragents.events.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Flow;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventHandler;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.Subscribe;

import org.osgi.service.event.Event;
import org.osgi.service.typedevent.TypedEventHandler;

/**
 * The subscriber of every peer: it counts what it receives, the same cheap work whichever API
 * delivers the event, so that the benchmarks compare the delivery paths and nothing else.
 *
 * <p>For synchronous benchmarks the count is written with release semantics (a plain store on x86,
 * no fence): increments from concurrent producers may be lost, and no benchmark reads it there. For
 * asynchronous ones, where a peer may call one subscriber from several threads at once (Guava's
 * {@code AsyncEventBus} with {@code @AllowConcurrentEvents}), it is an atomic add, so that the
 * producer can check zero-loss delivery.
 */
public final class Receiver implements EventHandler, org.osgi.service.event.EventHandler,
        TypedEventHandler<EventDto>, Flow.Subscriber<DomainEvent> {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Receiver.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final boolean atomic;
    @SuppressWarnings("unused") // accessed through COUNT
    private long count;

    /** @param atomic whether concurrent deliveries must all be counted */
    public Receiver(boolean atomic) {
        this.atomic = atomic;
    }

    private void received() {
        if (atomic) {
            COUNT.getAndAdd(this, 1L);
        } else {
            COUNT.setRelease(this, (long) COUNT.get(this) + 1);
        }
    }

    /** @return how many events arrived so far */
    public long count() {
        return (long) COUNT.getAcquire(this);
    }

    /** This project's buses and the direct call. */
    @Override
    public void handle(DomainEvent event) {
        received();
    }

    /**
     * Guava {@code EventBus}; concurrent events allowed, Guava's fastest configuration.
     *
     * @param event the event
     */
    @Subscribe
    @AllowConcurrentEvents
    public void onGuavaEvent(DomainEvent event) {
        received();
    }

    /** Felix Event Admin. */
    @Override
    public void handleEvent(Event event) {
        received();
    }

    /** Aries Typed Event. */
    @Override
    public void notify(String topic, EventDto event) {
        received();
    }

    /** JDK {@code SubmissionPublisher} and this project's stream: unbounded demand. */
    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(DomainEvent item) {
        received();
    }

    @Override
    public void onError(Throwable throwable) {
        // the benchmark's own await times out and reports the missing events
    }

    @Override
    public void onComplete() {
        // nothing to release
    }
}
