package ai.cleveragents.events.dispatch;

import java.util.Queue;
import java.util.function.BooleanSupplier;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventHandler;

/**
 * A stable subscriber of {@link ScheduleStressTest}: counts, per emitting thread, the events it gets
 * and the sum of their sequence numbers, and reports a sequence number that does not increase (order
 * broken) or any call after the engine's close returned.
 */
final class OrderCheckingHandler implements EventHandler {

    final long[] count;
    final long[] seqSum;
    private final long[] last;
    private final String name;
    private final StressSchedule schedule;
    private final BooleanSupplier closeReturned;
    private final Queue<String> violations;

    OrderCheckingHandler(String name, StressSchedule schedule, BooleanSupplier closeReturned,
            Queue<String> violations) {
        this.name = name;
        this.schedule = schedule;
        this.closeReturned = closeReturned;
        this.violations = violations;
        this.count = new long[schedule.emitters];
        this.seqSum = new long[schedule.emitters];
        this.last = new long[schedule.emitters];
    }

    @Override
    public void handle(DomainEvent event) {
        if (closeReturned.getAsBoolean()) {
            violations.add(name + " called after close returned: " + event.eventId());
        }
        int t = ((Long) event.details().get("t")).intValue();
        long seq = (Long) event.details().get("seq");
        if (seq <= last[t]) {
            violations.add(name + " got seq " + seq + " of thread " + t + " after " + last[t]);
        }
        last[t] = seq;
        count[t]++;
        seqSum[t] += seq;
        schedule.perturb();
    }

    long total() {
        long sum = 0;
        for (long c : count) {
            sum += c;
        }
        return sum;
    }
}
