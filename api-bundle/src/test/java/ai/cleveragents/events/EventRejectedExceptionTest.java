package ai.cleveragents.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.io.IOException;

import org.junit.Test;

public class EventRejectedExceptionTest {

    @Test
    public void carriesItsReasonMessageAndCause() {
        IOException cause = new IOException("read-only file system");
        EventRejectedException e = new EventRejectedException(EventRejectedException.Reason.JOURNAL_FAILURE,
                "journal write failed", cause);
        assertSame(EventRejectedException.Reason.JOURNAL_FAILURE, e.reason());
        assertEquals("journal write failed", e.getMessage());
        assertSame(cause, e.getCause());

        EventRejectedException closed = new EventRejectedException(EventRejectedException.Reason.CLOSED, "closed", null);
        assertSame(EventRejectedException.Reason.CLOSED, closed.reason());
        assertNull(closed.getCause());
    }
}
