package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** Commands run under their own name, never under Gogo's {@code pipe-<command line>}. */
public class ThreadNameGuardTest {

    @Test
    public void theCommandRunsUnderItsNameAndTheOldNameComesBack() {
        Thread thread = Thread.currentThread();
        String before = thread.getName();
        thread.setName("pipe-events:emit tool.invoked password=hunter2");
        try {
            assertEquals("gogo events:emit", ThreadNameGuard.call("events:emit", () -> thread.getName()));
            String[] seen = new String[1];
            ThreadNameGuard.run("events:tail", () -> seen[0] = thread.getName());
            assertEquals("gogo events:tail", seen[0]);
            assertEquals("pipe-events:emit tool.invoked password=hunter2", thread.getName());
        } finally {
            thread.setName(before);
        }
    }

    @Test
    public void theOldNameComesBackWhenTheCommandFails() {
        String before = Thread.currentThread().getName();
        assertThrows(CommandException.class, () -> ThreadNameGuard.call("events:emit", () -> {
            throw new CommandException("bad");
        }));
        assertEquals(before, Thread.currentThread().getName());
    }
}
