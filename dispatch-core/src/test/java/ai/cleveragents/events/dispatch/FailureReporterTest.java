package ai.cleveragents.events.dispatch;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

import org.junit.Test;

public class FailureReporterTest {

    @Test
    public void logsAtMostOncePerIntervalPerHandler() {
        AtomicLong clock = new AtomicLong(1_000);
        FailureReporter reporter = new FailureReporter("test", 100, clock::get);
        HandlerRegistry registry = new HandlerRegistry();
        Registration a = registry.add(Set.of(EventType.PLAN_CREATED), e -> { }, null, false);
        Registration b = registry.add(Set.of(EventType.PLAN_CREATED), new OtherHandler(), null, false);
        DomainEvent event = DomainEvent.of(EventType.PLAN_CREATED);
        RuntimeException boom = new RuntimeException("boom");
        assertTrue(reporter.report(a, event, boom));
        assertFalse(reporter.report(a, event, boom));
        clock.addAndGet(99);
        assertFalse(reporter.report(a, event, boom));
        clock.addAndGet(1);
        assertTrue(reporter.report(a, event, boom));
        assertTrue("handler classes are limited separately", reporter.report(b, event, boom));
    }

    @Test
    public void cascadeRefusalsAreLimitedSeparatelyFromFailures() {
        AtomicLong clock = new AtomicLong(1_000);
        FailureReporter reporter = new FailureReporter("test", 100, clock::get);
        Registration a = new HandlerRegistry().add(Set.of(EventType.PLAN_CREATED), e -> { }, null, false);
        DomainEvent event = DomainEvent.of(EventType.PLAN_CREATED);
        assertTrue(reporter.reportCascade(a, event, 1000));
        assertFalse(reporter.reportCascade(a, event, 1000));
        assertTrue("failures have their own window", reporter.report(a, event, new RuntimeException("boom")));
        assertTrue("an emit outside any handler", reporter.reportCascade(null, event, 1000));
    }

    private static final class OtherHandler implements ai.cleveragents.events.EventHandler {
        @Override
        public void handle(DomainEvent event) {
            // receives nothing in this test
        }
    }
}
