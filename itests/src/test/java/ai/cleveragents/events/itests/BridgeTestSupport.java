package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventHandler;

import org.junit.After;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

/**
 * Helpers for the Event Admin bridge tests: subscribers on both sides that collect into queues (polled
 * with a timeout) and the documented property mapping, written out independently of the bridge.
 */
public abstract class BridgeTestSupport extends OsgiTestSupport {

    protected static final long TIMEOUT_SECONDS = 10;
    protected static final String BRIDGE_BSN = "ai.cleveragents.events.bridge.eventadmin";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @After
    public void unregisterSubscribers() {
        for (ServiceRegistration<?> r : registrations) {
            r.unregister();
        }
        registrations.clear();
    }

    /** A plain Event Admin handler, as any OSGi bundle would register one. */
    protected BlockingQueue<Event> eventAdminSubscriber(String topic) {
        BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, topic);
        registrations.add(context.registerService(org.osgi.service.event.EventHandler.class, queue::add, props));
        return queue;
    }

    /** A whiteboard domain-event handler: it receives from whichever bus emits, so it survives swaps. */
    protected BlockingQueue<DomainEvent> busSubscriber(String types) {
        BlockingQueue<DomainEvent> queue = new LinkedBlockingQueue<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_TYPES, types);
        registrations.add(context.registerService(EventHandler.class, queue::add, props));
        return queue;
    }

    /** A whiteboard handler of the events no handler received ({@code event.unhandled=true}). */
    protected BlockingQueue<DomainEvent> unhandledSubscriber() {
        BlockingQueue<DomainEvent> queue = new LinkedBlockingQueue<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventBusConstants.EVENT_UNHANDLED, Boolean.TRUE);
        registrations.add(context.registerService(EventHandler.class, queue::add, props));
        return queue;
    }

    protected static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull("nothing arrived within " + TIMEOUT_SECONDS + " s", item);
        return item;
    }

    /** The Event Admin properties the reference page documents for a domain event. */
    protected static Map<String, Object> documentedProperties(DomainEvent e) {
        Map<String, Object> p = new HashMap<>();
        p.put("event_id", e.eventId());
        p.put("event_type", e.eventType().id());
        p.put("timestamp", e.timestamp().toEpochMilli());
        p.put("timestamp_iso", e.timestamp().toString());
        p.put("correlation_id", e.correlationId());
        putIfPresent(p, "plan_id", e.planId());
        putIfPresent(p, "root_plan_id", e.rootPlanId());
        putIfPresent(p, "session_id", e.sessionId());
        putIfPresent(p, "actor_name", e.actorName());
        putIfPresent(p, "project_name", e.projectName());
        p.put("details", e.details());
        return p;
    }

    private static void putIfPresent(Map<String, Object> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    protected static String topicOf(DomainEvent e) {
        return "cleveragents/" + e.eventType().domain() + "/" + e.eventType().shortName();
    }

    /** Asserts that an Event Admin event carries exactly the documented mapping of a domain event. */
    protected static void assertCarries(DomainEvent expected, Event actual) {
        assertEquals(topicOf(expected), actual.getTopic());
        assertEquals(topicOf(expected), actual.getProperty(EventConstants.EVENT_TOPIC));
        Map<String, Object> documented = documentedProperties(expected);
        for (Map.Entry<String, Object> e : documented.entrySet()) {
            assertEquals(e.getKey(), e.getValue(), actual.getProperty(e.getKey()));
        }
        for (String name : List.of("plan_id", "root_plan_id", "session_id", "actor_name", "project_name")) {
            assertEquals(name, documented.get(name), actual.getProperty(name));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) actual.getProperty("details");
        assertThrows(UnsupportedOperationException.class, () -> details.put("changed", true));
    }
}
