package ai.cleveragents.events.shell.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventBusMetrics;
import ai.cleveragents.events.EventHandler;
import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.JournalPosition;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalReport;
import ai.cleveragents.events.SubscriptionInfo;

/** Plain implementations of the API's provider interfaces, as the shell sees them. */
final class Fakes {

    private Fakes() {
    }

    record Metrics(Map<EventType, Long> emitted, long deliveries, long handlerFailures, Map<EventType, Long> unhandled,
            long drops, int streamSubscribers, int subscriptions, List<SubscriptionInfo> subscriptionDetails,
            Map<String, Long> extra) implements EventBusMetrics {

        static Metrics empty() {
            return new Metrics(Map.of(), 0, 0, Map.of(), 0, 0, 0, List.of(), Map.of());
        }
    }

    record Subscription(String owner, Set<EventType> types, boolean whiteboard, boolean unhandled, String handler)
            implements SubscriptionInfo {
    }

    /** A whiteboard observer (a bridge or a tail). */
    record Observer(String owner, Set<EventType> types, String handler) implements SubscriptionInfo {
        @Override
        public boolean whiteboard() {
            return true;
        }

        @Override
        public boolean unhandled() {
            return false;
        }

        @Override
        public boolean observer() {
            return true;
        }
    }

    /** A journal over a list, with the contract's semantics, and the problems it reports. */
    record Journal(List<DomainEvent> events, List<JournalProblem> problems) implements EventJournal {

        Journal(List<DomainEvent> events) {
            this(events, List.of());
        }

        @Override
        public JournalReport verify() {
            return new JournalReport(1, events.size(), events.isEmpty() ? 0 : 1, events.size(),
                    events.isEmpty() ? "" : "ab".repeat(32), problems);
        }

        @Override
        public List<JournalProblem> knownProblems() {
            return problems;
        }

        @Override
        public Stream<DomainEvent> replayFrom(String eventId, Set<EventType> types) {
            int start = -1;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).eventId().equals(eventId)) {
                    start = i;
                }
            }
            if (start < 0) {
                throw new IllegalArgumentException("no event " + eventId + " in the journal");
            }
            return events.subList(start, events.size()).stream().filter(e -> types.isEmpty() || types.contains(e.eventType()));
        }

        @Override
        public Stream<DomainEvent> replaySince(Instant from, Set<EventType> types) {
            return events.stream().filter(e -> !e.timestamp().isBefore(from))
                    .filter(e -> types.isEmpty() || types.contains(e.eventType()));
        }

        /** Delivers the journal's events from {@code from} at once, on the calling thread; nothing live follows. */
        @Override
        public ai.cleveragents.events.Subscription subscribeFrom(JournalPosition from, Set<EventType> types, EventHandler handler) {
            Stream<DomainEvent> replay = from.kind() == JournalPosition.Kind.SINCE ? replaySince(from.instant(), types)
                    : from.kind() == JournalPosition.Kind.BEGINNING ? replaySince(Instant.EPOCH, types)
                    : replayFrom(from.eventId(), types);
            try (replay) {
                replay.forEach(e -> deliver(handler, e));
            }
            return new ai.cleveragents.events.Subscription() {
                @Override
                public void close() {
                }

                @Override
                public boolean isActive() {
                    return false;
                }
            };
        }

        private static void deliver(EventHandler handler, DomainEvent event) {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<String> lastEventId() {
            return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1).eventId());
        }
    }
}
