package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;

public class CommandLineTest {

    private static final String USAGE = "cmd [-n N] [--t S] [--json] [args]";

    private static CommandLine parse(String... args) {
        return CommandLine.parse(USAGE, Set.of("-n", "--t"), Set.of("--json"), args);
    }

    private static String error(String... args) {
        return assertThrows(CommandException.class, () -> parse(args)).getMessage();
    }

    @Test
    public void splitsOptionsFlagsAndPositionals() {
        CommandLine line = parse("a", "-n", "3", "--json", "b", "-");
        assertEquals(List.of("a", "b", "-"), line.positionals());
        assertEquals(Optional.of("3"), line.value("-n"));
        assertEquals(Optional.empty(), line.value("--t"));
        assertTrue(line.flag("--json"));
        assertEquals(3, line.positiveInt("-n", 7));
        assertEquals(7, parse().positiveInt("-n", 7));
        assertFalse(parse().flag("--json"));
    }

    @Test
    public void badOptionsNameTheProblemAndGiveTheUsage() {
        assertEquals("unknown option '--nope'\nusage: " + USAGE, error("--nope"));
        assertEquals("option -n needs a value\nusage: " + USAGE, error("-n"));
        assertEquals("option -n given twice\nusage: " + USAGE, error("-n", "1", "-n", "2"));
    }

    @Test
    public void numbersAreChecked() {
        assertEquals("option -n needs a positive whole number, got 'x'\nusage: " + USAGE,
                assertThrows(CommandException.class, () -> parse("-n", "x").positiveInt("-n", 1)).getMessage());
        assertThrows(CommandException.class, () -> parse("-n", "0").positiveInt("-n", 1));
        assertEquals(Optional.of(1500L), parse("--t", "1.5").positiveSecondsAsMillis("--t"));
        assertEquals(Optional.empty(), parse().positiveSecondsAsMillis("--t"));
        assertEquals("option --t needs a positive number of seconds, got 'soon'\nusage: " + USAGE,
                assertThrows(CommandException.class, () -> parse("--t", "soon").positiveSecondsAsMillis("--t")).getMessage());
        assertThrows(CommandException.class, () -> parse("--t", "-1").positiveSecondsAsMillis("--t"));
        assertThrows(CommandException.class, () -> parse("--t", "Infinity").positiveSecondsAsMillis("--t"));
        assertThrows(CommandException.class, () -> parse("--t", "NaN").positiveSecondsAsMillis("--t"));
    }

    @Test
    public void exceptionWithoutUsageIsOneLineWithoutStackTrace() {
        CommandException e = new CommandException("no bus");
        assertEquals("no bus", e.getMessage());
        assertEquals(0, e.getStackTrace().length);
    }
}
