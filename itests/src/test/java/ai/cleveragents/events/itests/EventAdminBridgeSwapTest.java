package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;

import java.util.concurrent.BlockingQueue;

import javax.inject.Inject;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventBusConstants;
import ai.cleveragents.events.EventType;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The bridge keeps working both ways while the bus is swapped: reactive, then logging, then reactive. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class EventAdminBridgeSwapTest extends BridgeTestSupport {

    @Inject
    private EventAdmin eventAdmin;

    @Configuration
    public Option[] config() {
        return new Option[] {logging(), frameworkServices(), apiBundle(), reactiveBus(), loggingBus(),
                bundleFile(BRIDGE_BSN)};
    }

    @Test
    public void bothDirectionsSurviveReactiveToLoggingToReactive() throws Exception {
        BlockingQueue<Event> eventAdminSide = eventAdminSubscriber("cleveragents/plan/*");
        BlockingQueue<DomainEvent> busSide = busSubscriber("decision.created");
        assertBothDirections("reactive", eventAdminSide, busSide);
        installedBundle("ai.cleveragents.events.bus.reactive").stop();
        assertBothDirections("logging", eventAdminSide, busSide);
        installedBundle("ai.cleveragents.events.bus.reactive").start();
        assertBothDirections("reactive", eventAdminSide, busSide);
    }

    /** Out: an emit on the best bus reaches Event Admin. In: an Event Admin event is emitted on that bus. */
    private void assertBothDirections(String expectedBus, BlockingQueue<Event> eventAdminSide,
            BlockingQueue<DomainEvent> busSide) throws Exception {
        ServiceReference<EventBus> ref = context.getServiceReference(EventBus.class);
        assertEquals(expectedBus, ref.getProperty(EventBusConstants.BUS_NAME));
        EventBus bus = context.getService(ref);
        try {
            DomainEvent out = DomainEvent.builder(EventType.PLAN_STARTED).planId(expectedBus).build();
            bus.emit(out);
            assertCarries(out, next(eventAdminSide));

            long emittedBefore = bus.metrics().emitted().getOrDefault(EventType.DECISION_CREATED, 0L);
            DomainEvent in = DomainEvent.builder(EventType.DECISION_CREATED).planId(expectedBus).build();
            eventAdmin.sendEvent(new Event(topicOf(in), documentedProperties(in)));
            assertEquals(in, next(busSide));
            assertEquals("emitted on the " + expectedBus + " bus", emittedBefore + 1,
                    (long) bus.metrics().emitted().getOrDefault(EventType.DECISION_CREATED, 0L));
        } finally {
            context.ungetService(ref);
        }
    }
}
