package ai.cleveragents.events.operations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The checks of {@code events:health}, rendered as a table: {@code CHECK STATUS DETAIL}, then
 * {@code healthy} or {@code UNHEALTHY: <failed checks>}.
 */
final class HealthReport {

    /** A check's outcome. */
    enum Status {
        OK, FAILED, UNKNOWN;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One check.
     *
     * @param name   what was checked
     * @param status its outcome
     * @param detail what was seen, on one line
     */
    record Check(String name, Status status, String detail) {
    }

    private final List<Check> checks = new ArrayList<>();

    HealthReport add(String name, Status status, String detail) {
        checks.add(new Check(name, status, OneLine.of(detail)));
        return this;
    }

    /** @return whether no check failed (unknown ones do not count) */
    boolean healthy() {
        return checks.stream().noneMatch(c -> c.status() == Status.FAILED);
    }

    /** @return the failed checks' names, comma-separated */
    String failures() {
        return checks.stream().filter(c -> c.status() == Status.FAILED).map(Check::name).collect(Collectors.joining(", "));
    }

    /** @return the table and the verdict, one line each */
    String render() {
        int width = Math.max("CHECK".length(), checks.stream().mapToInt(c -> c.name().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        String format = "%-" + width + "s  %-7s  %s%n";
        out.append(String.format(format, "CHECK", "STATUS", "DETAIL"));
        for (Check check : checks) {
            out.append(String.format(format, check.name(), check.status(), check.detail()));
        }
        out.append(healthy() ? "healthy" : "UNHEALTHY: " + failures()).append(System.lineSeparator());
        return out.toString();
    }
}
