package ai.cleveragents.events.benchmarks.peers;

import java.util.Hashtable;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.benchmarks.EventDto;
import ai.cleveragents.events.benchmarks.Receiver;
import ai.cleveragents.events.benchmarks.Receivers;

import org.osgi.service.typedevent.TypedEventBus;
import org.osgi.service.typedevent.TypedEventConstants;
import org.osgi.service.typedevent.TypedEventHandler;

/**
 * Apache Aries Typed Event in the embedded framework: {@code deliver} of the event's DTO to one
 * {@link TypedEventHandler} service per receiver (asynchronous: the bus queues and delivers on its
 * own thread, converting the DTO for each handler).
 */
final class TypedEventPeer implements Peer {

    private final EmbeddedFelix felix;
    private final TypedEventBus bus;
    private final EventDto event;

    TypedEventPeer(Receivers receivers, DomainEvent domainEvent) {
        this.felix = EmbeddedFelix.start(EmbeddedFelix.TYPED_EVENT);
        this.bus = felix.service(TypedEventBus.class);
        this.event = EventDto.of(domainEvent);
        for (Receiver r : receivers.all()) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(TypedEventConstants.TYPED_EVENT_TOPICS, EventDto.TOPIC);
            props.put(TypedEventConstants.TYPED_EVENT_TYPE, EventDto.class.getName());
            felix.register(typedHandlerClass(), r, props);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<TypedEventHandler<EventDto>> typedHandlerClass() {
        return (Class) TypedEventHandler.class;
    }

    @Override
    public void emit() {
        bus.deliver(EventDto.TOPIC, event);
    }

    @Override
    public void close() {
        felix.close();
    }
}
