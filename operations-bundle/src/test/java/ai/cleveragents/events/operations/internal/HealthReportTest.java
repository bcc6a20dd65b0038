package ai.cleveragents.events.operations.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import ai.cleveragents.events.operations.internal.HealthReport.Status;

public class HealthReportTest {

    @Test
    public void rendersATableAndTheVerdict() {
        HealthReport report = new HealthReport().add("buses", Status.OK, "reactive (100)")
                .add("journal.verified", Status.UNKNOWN, "not checked");
        assertTrue(report.healthy());
        String nl = System.lineSeparator();
        assertEquals("CHECK             STATUS   DETAIL" + nl
                + "buses             ok       reactive (100)" + nl
                + "journal.verified  unknown  not checked" + nl
                + "healthy" + nl, report.render());
    }

    @Test
    public void aFailedCheckMakesItUnhealthy() {
        HealthReport report = new HealthReport().add("buses", Status.FAILED, "no EventBus service")
                .add("journal", Status.FAILED, "none\u001b[2J");
        assertFalse(report.healthy());
        assertEquals("buses, journal", report.failures());
        assertTrue(report.render(), report.render().contains("none\\u001b[2J"));
        assertTrue(report.render().endsWith("UNHEALTHY: buses, journal" + System.lineSeparator()));
        assertEquals("unhealthy: buses, journal", new UnhealthyException(report.failures()).getMessage());
    }
}
