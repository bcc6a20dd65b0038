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
 * <p>The count is written with release semantics (a plain store on x86, no fence) and read with
 * acquire semantics, so an asynchronous producer can wait for zero-loss delivery. Under concurrent
 * synchronous producers increments may be lost; no benchmark reads the count there.
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

    @SuppressWarnings("unused") // accessed through COUNT
    private long count;

    private void received() {
        COUNT.setRelease(this, (long) COUNT.get(this) + 1);
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
