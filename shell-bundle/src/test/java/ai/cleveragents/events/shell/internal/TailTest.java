package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

public class TailTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void requestDefaultsToEverythingUntilStopped() {
        assertEquals(new TailRequest("*", 0, Optional.empty(), Optional.empty()), TailRequest.parse());
        assertEquals(new TailRequest("plan.*", 2, Optional.of(500L), Optional.empty()), TailRequest.parse("-n", "2", "--timeout", "0.5", "plan.*"));
    }

    @Test
    public void badRequestsAreNamed() {
        assertEquals("one type selector at most, got [plan.*, tool.*]\nusage: " + TailRequest.USAGE,
                assertThrows(CommandException.class, () -> TailRequest.parse("plan.*", "tool.*")).getMessage());
        String unknown = assertThrows(CommandException.class, () -> TailRequest.parse("nope.*")).getMessage();
        assertTrue(unknown, unknown.startsWith("unknown event domain 'nope' in selector 'nope.*'; valid domains: plan,"));
        assertThrows(CommandException.class, () -> TailRequest.parse("-n", "0"));
    }

    @Test
    public void printsUpToTheLimit() throws InterruptedException {
        Tail tail = new Tail(10, System::currentTimeMillis);
        tail.handle(DomainEvent.of(EventType.PLAN_CREATED));
        tail.handle(DomainEvent.of(EventType.PLAN_STARTED));
        tail.handle(DomainEvent.of(EventType.PLAN_COMPLETED));
        assertEquals(2, tail.print(new TailRequest("*", 2, Optional.empty(), Optional.empty()), out));
        String[] lines = printed().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0], lines[0].contains(" plan.created "));
        assertTrue(lines[1], lines[1].contains(" plan.started "));
    }

    @Test
    public void stopsAtTheTimeoutAndReportsMissedEvents() throws InterruptedException {
        AtomicLong now = new AtomicLong(1_000);
        Tail tail = new Tail(1, now::get);
        tail.handle(DomainEvent.of(EventType.TOOL_INVOKED));
        tail.handle(DomainEvent.of(EventType.TOOL_FAILED));
        assertEquals(1, tail.print(new TailRequest("*", 0, Optional.of(1L), Optional.empty()), out));
        assertTrue(printed(), printed().endsWith("(1 events missed: the console did not keep up)\n"));
    }

    @Test
    public void anInterruptEndsItQuietly() {
        Tail tail = new Tail(1, System::currentTimeMillis);
        Thread.currentThread().interrupt();
        try {
            assertEquals(0, tail.print(new TailRequest("*", 0, Optional.empty(), Optional.empty()), out));
            assertTrue(Thread.interrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals("", printed());
    }

    @Test
    public void parsesFrom() {
        assertEquals(Optional.of(ai.cleveragents.events.JournalPosition.beginning()),
                TailRequest.parse("--from", "beginning").from());
        assertEquals(EventType.select("plan.*"), TailRequest.parse("plan.*").types());
    }

    @Test
    public void aWaitingTailMakesItsFeederWaitForRoomUntilPrintingEnds() throws Exception {
        Tail tail = Tail.waiting(1, System::currentTimeMillis);
        tail.handle(DomainEvent.of(EventType.PLAN_CREATED));
        Thread feeder = new Thread(() -> {
            try {
                tail.handle(DomainEvent.of(EventType.PLAN_STARTED));
                tail.handle(DomainEvent.of(EventType.PLAN_COMPLETED));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        feeder.start();
        assertEquals(2, tail.print(new TailRequest("*", 2, Optional.empty(), Optional.empty()), out));
        feeder.join(10_000);
        assertFalse(feeder.isAlive());
        String[] lines = printed().split("\n");
        assertTrue(lines[1], lines[1].contains(" plan.started "));
    }
}
