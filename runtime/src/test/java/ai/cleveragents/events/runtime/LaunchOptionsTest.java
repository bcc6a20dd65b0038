package ai.cleveragents.events.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class LaunchOptionsTest {

    @Test
    public void noArgumentsIsInteractive() {
        LaunchOptions options = LaunchOptions.parse();
        assertTrue(options.interactive());
        assertFalse(options.timing());
        assertEquals(List.of(), options.commands());
    }

    @Test
    public void commandsKeepTheirOrder() {
        LaunchOptions options = LaunchOptions.parse("--timing", "-c", "lb", "--command", "events:buses");
        assertFalse(options.interactive());
        assertTrue(options.timing());
        assertEquals(List.of("lb", "events:buses"), options.commands());
    }

    @Test
    public void daemonHasNoConsoleAndNoCommands() {
        LaunchOptions options = LaunchOptions.parse("--daemon");
        assertTrue(options.daemon());
        assertFalse(options.interactive());
        assertEquals(List.of(), options.commands());
        assertFalse(LaunchOptions.parse().daemon());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse("--daemon", "-c", "lb"));
        assertEquals("--daemon runs no commands; run them with -c beside it\n" + LaunchOptions.USAGE, e.getMessage());
    }

    @Test
    public void missingCommandIsRejectedWithUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("-c"));
        assertEquals("-c needs a command\n" + LaunchOptions.USAGE, e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("-c", " "));
    }

    @Test
    public void unknownArgumentIsRejectedWithUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("lb"));
        assertEquals("unknown argument 'lb'\n" + LaunchOptions.USAGE, e.getMessage());
    }
}
