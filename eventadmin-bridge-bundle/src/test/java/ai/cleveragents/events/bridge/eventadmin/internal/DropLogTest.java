package ai.cleveragents.events.bridge.eventadmin.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

/** One log line per reason per interval. */
public class DropLogTest {

    @Test
    public void linesAreRateLimitedPerReason() {
        AtomicLong clock = new AtomicLong(1_000);
        DropLog log = new DropLog(100, clock::get);
        assertTrue(log.dropped(DropReason.UNKNOWN_TYPE, "first"));
        assertFalse(log.dropped(DropReason.UNKNOWN_TYPE, "second"));
        assertTrue(log.dropped(DropReason.INVALID_ID, "other reason"));
        clock.addAndGet(99);
        assertFalse(log.dropped(DropReason.UNKNOWN_TYPE, "still too soon"));
        clock.addAndGet(1);
        assertTrue(log.dropped(DropReason.UNKNOWN_TYPE, "due again"));
    }
}
