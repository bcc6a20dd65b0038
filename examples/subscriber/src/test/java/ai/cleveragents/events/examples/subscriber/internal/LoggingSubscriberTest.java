package ai.cleveragents.events.examples.subscriber.internal;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

public class LoggingSubscriberTest {

    @Test
    public void handlesEveryEventWithoutFailing() {
        LoggingSubscriber subscriber = new LoggingSubscriber();
        for (EventType type : EventType.values()) {
            subscriber.handle(DomainEvent.builder(type).planId("p-1").build());
        }
        subscriber.stop();
    }

    @Test
    public void registersAsAWhiteboardHandlerForEveryType() throws IOException {
        String name = "/OSGI-INF/" + LoggingSubscriber.class.getName() + ".xml";
        try (InputStream in = LoggingSubscriber.class.getResourceAsStream(name)) {
            assertNotNull("bnd generates " + name, in);
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml, xml.contains("<property name=\"event.types\" type=\"String\">*</property>"));
            assertTrue(xml, xml.contains("interface=\"ai.cleveragents.events.EventHandler\""));
        }
    }
}
