package ai.cleveragents.events.examples.subscriber.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.propertytypes.EventTypes;

/**
 * A whiteboard subscriber: registered as an {@link EventHandler} service for every event type, it
 * receives the events of whichever bus emits them, survives bus swaps without doing anything, and logs
 * one structured line per event.
 */
@Component(service = EventHandler.class)
@EventTypes("*")
public final class LoggingSubscriber implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSubscriber.class);

    @Activate
    public LoggingSubscriber() {
        LOG.info("example subscriber started");
    }

    @Override
    public void handle(DomainEvent event) {
        LOG.atInfo().setMessage("example subscriber received {}")
                .addArgument(event.eventType().id())
                .addKeyValue("event_id", event.eventId())
                .addKeyValue("plan_id", event.planId())
                .log();
    }

    @Deactivate
    void stop() {
        LOG.info("example subscriber stopped");
    }
}
