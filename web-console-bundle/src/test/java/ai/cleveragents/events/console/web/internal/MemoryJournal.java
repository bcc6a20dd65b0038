package ai.cleveragents.events.console.web.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalReport;
import ai.cleveragents.events.Subscription;

/**
 * An in-memory journal with the catch-up contract of {@link EventJournal#subscribeFrom}: one thread per
 * subscription reads the list from its position on, then waits for more. The Pax Exam and browser tests
 * use the reactive bus's real journal.
 */
final class MemoryJournal implements EventJournal {

    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final List<DomainEvent> events = new ArrayList<>();
    /** Guarded by {@link #lock}. */
    private boolean closed;

    void append(DomainEvent event) {
        synchronized (lock) {
            events.add(event);
            lock.notifyAll();
        }
    }

    void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private List<DomainEvent> copy() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    private static boolean kept(Set<EventType> types, DomainEvent e) {
        return types.isEmpty() || types.contains(e.eventType());
    }

    private int indexOf(String id) {
        List<DomainEvent> all = copy();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).eventId().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no event " + id + " in the journal");
    }

    @Override
    public Stream<DomainEvent> replayFrom(String eventId, Set<EventType> types) {
        int start = indexOf(eventId);
        return copy().stream().skip(start).filter(e -> kept(types, e));
    }

    @Override
    public Stream<DomainEvent> replaySince(Instant from, Set<EventType> types) {
        return copy().stream().filter(e -> !e.timestamp().isBefore(from) && kept(types, e));
    }

    @Override
    public Subscription subscribeFrom(JournalPosition from, Set<EventType> types, EventHandler handler) {
        int start = switch (from.kind()) {
            case BEGINNING -> 0;
            case AT_EVENT -> indexOf(from.eventId());
            case AFTER_EVENT -> indexOf(from.eventId()) + 1;
            case SINCE -> (int) copy().stream().takeWhile(e -> e.timestamp().isBefore(from.instant())).count();
        };
        Reader reader = new Reader(start, types, handler);
        Thread thread = new Thread(reader, "memory journal reader");
        thread.setDaemon(true);
        thread.start();
        return reader;
    }

    @Override
    public Optional<String> lastEventId() {
        List<DomainEvent> all = copy();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).eventId());
    }

    @Override
    public JournalReport verify() {
        int n = copy().size();
        return new JournalReport(1, n, n == 0 ? 0 : 1, n, "abc", List.of(
                new JournalProblem(JournalProblem.Kind.TORN_TAIL, "segment-1", 7, "a <b>torn</b> line")));
    }

    @Override
    public List<JournalProblem> knownProblems() {
        return List.of();
    }

    private final class Reader implements Runnable, Subscription {

        private final Set<EventType> types;
        private final EventHandler handler;
        private int next;
        private volatile boolean active = true;

        Reader(int start, Set<EventType> types, EventHandler handler) {
            this.next = start;
            this.types = types;
            this.handler = handler;
        }

        @Override
        public void run() {
            while (active) {
                DomainEvent e;
                synchronized (lock) {
                    while (active && !closed && next >= events.size()) {
                        try {
                            lock.wait();
                        } catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                            active = false;
                        }
                    }
                    if (closed || !active) {
                        active = false;
                        return;
                    }
                    e = events.get(next++);
                }
                if (kept(types, e)) {
                    try {
                        handler.handle(e);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            }
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void close() {
            active = false;
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }
}
