package ai.cleveragents.events.examples.stream.internal;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventStream;
import ai.cleveragents.events.EventType;

/** The counter on a stream backed by the JDK's own publisher: counts per type, final counts at the end. */
public class EventTypeCounterTest {

    @Test
    public void countsEveryEventPerTypeUntilTheStreamEnds() throws Exception {
        SubmissionPublisher<DomainEvent> publisher = new SubmissionPublisher<>();
        EventStream stream = publisher::subscribe;
        EventTypeCounter counter = new EventTypeCounter(stream);
        publisher.submit(DomainEvent.of(EventType.PLAN_CREATED));
        publisher.submit(DomainEvent.of(EventType.PLAN_CREATED));
        publisher.submit(DomainEvent.of(EventType.TOOL_FAILED));
        publisher.close();
        assertEquals(Map.of("plan.created", 2L, "tool.failed", 1L), counter.completion().get(10, TimeUnit.SECONDS));
    }
}
