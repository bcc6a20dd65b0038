package ai.cleveragents.events.bus.logging.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBus;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.Subscription;
import ai.cleveragents.events.dispatch.DispatchEngine;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;

import org.junit.Test;

/**
 * 4 threads emit (with a secret detail) while 4 threads subscribe and close: no exception, one log
 * record per event, every record redacted, a stable subscriber sees every event unredacted.
 */
public class LoggingBusConcurrencyTest {

    private static final long RUN_MILLIS = Long.getLong("concurrency.millis", 3_000);

    @Test
    public void emitsRacingSubscribeAndCloseAreEachLoggedOnceAndRedacted() throws Exception {
        LoggerContext logback = new LoggerContext();
        logback.setMDCAdapter(new LogbackMDCAdapter());
        CountingAppender appender = new CountingAppender();
        appender.setContext(logback);
        appender.start();
        logback.getLogger("ai.cleveragents.events").setLevel(Level.INFO);
        logback.getLogger("ai.cleveragents.events").addAppender(appender);
        DispatchEngine engine = new DispatchEngine("logging", new EventLogStage(logback,
                DetailRedactor::defaults));
        EventBus bus = engine.view(null);
        LongAdder stable = new LongAdder();
        LongAdder leakedToSubscriber = new LongAdder();
        bus.subscribeAll(e -> {
            stable.increment();
            if (!"s3cret".equals(e.details().get("password"))) {
                leakedToSubscriber.increment();
            }
        });
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        LongAdder emitted = new LongAdder();
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 4; t++) {
            int id = t;
            start(done, errors, () -> {
                long seq = 0;
                while (!stop.get()) {
                    bus.emit(DomainEvent.builder(EventType.values()[(int) (seq++ % 38)]).detail("t", id)
                            .detail("password", "s3cret").detail("nested", Map.of("list", List.of(Map.of("token", "x"))))
                            .build());
                    emitted.increment();
                }
            });
            start(done, errors, () -> {
                while (!stop.get()) {
                    Subscription s = bus.subscribe(EventType.values()[id * 9], e -> { });
                    s.close();
                }
            });
        }
        assertFalse(done.await(RUN_MILLIS, TimeUnit.MILLISECONDS));
        stop.set(true);
        assertTrue("threads finished", done.await(30, TimeUnit.SECONDS));

        assertTrue("errors: " + errors, errors.isEmpty());
        assertTrue(emitted.sum() > 0);
        assertEquals(emitted.sum(), stable.sum());
        assertEquals(emitted.sum(), appender.records.sum());
        assertEquals(0, appender.unredacted.sum());
        assertEquals(0, leakedToSubscriber.sum());
        assertEquals(1, engine.metrics().subscriptions());
        logback.stop();
    }

    private static void start(CountDownLatch done, ConcurrentLinkedQueue<Throwable> errors, Runnable body) {
        new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                errors.add(t);
            } finally {
                done.countDown();
            }
        }).start();
    }

    /** Counts records, and those whose secrets are not masked, without keeping them. */
    private static final class CountingAppender extends AppenderBase<ILoggingEvent> {
        final LongAdder records = new LongAdder();
        final LongAdder unredacted = new LongAdder();

        @Override
        protected void append(ILoggingEvent record) {
            records.increment();
            Map<String, Object> kv = LogCapture.keyValues(record);
            Object nested = kv.get("details.nested");
            if (!DetailRedactor.MASK.equals(kv.get("details.password"))
                    || !Map.of("list", List.of(Map.of("token", DetailRedactor.MASK))).equals(nested)) {
                unredacted.increment();
            }
        }
    }
}
