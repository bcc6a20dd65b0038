package ai.cleveragents.events.benchmarks.peers;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.benchmarks.EventDto;
import ai.cleveragents.events.benchmarks.Receiver;
import ai.cleveragents.events.benchmarks.Receivers;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Apache Felix Event Admin in the embedded framework, with its default configuration or
 * {@linkplain #TUNED tuned for speed}: each receiver
 * is an {@link EventHandler} service on the event's topic, registered through the system bundle.
 * The {@link Event} (topic and the domain event's fields as properties, as the Event Admin bridge
 * maps them) is built once.
 */
final class EventAdminPeer implements Peer {

    /**
     * What a user who cares about speed sets: no handler timeout (with the default 5 s timeout on,
     * {@code sendEvent} hands every handler call to a pool thread to time it; with 0 the handlers run
     * on the caller's thread) and a pool of two threads per core instead of the default 20 threads.
     */
    static final Map<String, String> TUNED = Map.of(
            "org.apache.felix.eventadmin.Timeout", "0",
            "org.apache.felix.eventadmin.ThreadPoolSize",
            Integer.toString(Math.max(2, 2 * Runtime.getRuntime().availableProcessors())));

    private final EmbeddedFelix felix;
    private final EventAdmin eventAdmin;
    private final Event event;
    private final boolean post;

    /**
     * @param configuration framework properties: {@link #TUNED} or none for the defaults
     */
    EventAdminPeer(Receivers receivers, DomainEvent domainEvent, boolean post, Map<String, String> configuration) {
        this.felix = EmbeddedFelix.start(EmbeddedFelix.EVENT_ADMIN, configuration);
        this.eventAdmin = felix.service(EventAdmin.class);
        this.event = new Event(EventDto.TOPIC, properties(domainEvent));
        this.post = post;
        for (Receiver r : receivers.all()) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(EventConstants.EVENT_TOPIC, EventDto.TOPIC);
            felix.register(EventHandler.class, r, props);
        }
    }

    private static Map<String, Object> properties(DomainEvent e) {
        Map<String, Object> p = new HashMap<>();
        p.put("event_id", e.eventId());
        p.put("event_type", e.eventType().id());
        p.put("timestamp", e.timestamp().toString());
        p.put("correlation_id", e.correlationId());
        p.put("plan_id", e.planId());
        p.put("root_plan_id", e.rootPlanId());
        p.put("session_id", e.sessionId());
        p.put("actor_name", e.actorName());
        p.put("project_name", e.projectName());
        p.put("details", e.details());
        return p;
    }

    @Override
    public void emit() {
        if (post) {
            eventAdmin.postEvent(event);
        } else {
            eventAdmin.sendEvent(event);
        }
    }

    @Override
    public void close() {
        felix.close();
    }
}
