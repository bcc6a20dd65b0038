package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import ai.cleveragents.events.EventType;

public class BusReportsTest {

    private static final Fakes.Metrics BUSY = new Fakes.Metrics(
            Map.of(EventType.PLAN_CREATED, 2L, EventType.TOOL_FAILED, 1L), 5, 1, Map.of(EventType.TOOL_FAILED, 1L),
            0, 1, 2,
            List.of(new Fakes.Subscription("demo [30]", EnumSet.allOf(EventType.class), true, false, "demo.Handler"),
                    new Fakes.Subscription("-", Set.of(EventType.PLAN_CREATED), false, false, "x.Lambda"),
                    new Fakes.Subscription("dead [31]", Set.of(), true, true, "dead.Sink"),
                    new Fakes.Observer("bridge [32]", EnumSet.allOf(EventType.class), "bridge.Outbound")),
            Map.of("journal.appends", 3L, "journal.fsyncs", 2L));

    private static final List<BusView> BUSES = List.of(
            new BusView(34, "reactive", 100, "ai.cleveragents.events.bus.reactive [25]", true, BUSY),
            new BusView(40, "logging", 10, "ai.cleveragents.events.bus.logging [26]", false, Fakes.Metrics.empty()));

    @Test
    public void busesMarkTheBoundOne() {
        assertEquals(""
                + "   SERVICE  NAME      RANKING  BUNDLE                                    EMITTED  SUBSCRIPTIONS  STREAMS\n"
                + "*  34       reactive  100      ai.cleveragents.events.bus.reactive [25]  3        2              1\n"
                + "   40       logging   10       ai.cleveragents.events.bus.logging [26]   0        0              0\n"
                + "* = the bus consumers are bound to (highest ranking)\n", BusReports.buses(BUSES));
        assertEquals(BusReports.NO_BUS + "\n", BusReports.buses(List.of()));
    }

    @Test
    public void statsListBusCountersAndSources() {
        String stats = BusReports.stats(BUSES.subList(0, 1), Map.of("bridge.eventadmin", Map.of("posted", 4L)));
        assertEquals(""
                + "bus reactive (service 34), bound\n"
                + "METRIC                 VALUE\n"
                + "deliveries             5\n"
                + "drops                  0\n"
                + "emitted                3\n"
                + "emitted.plan.created   2\n"
                + "emitted.tool.failed    1\n"
                + "handler.failures       1\n"
                + "journal.appends        3\n"
                + "journal.fsyncs         2\n"
                + "stream.subscribers     1\n"
                + "subscriptions          2\n"
                + "unhandled              1\n"
                + "unhandled.tool.failed  1\n"
                + "journal: 1.5 events per fsync\n"
                + "\n"
                + "source bridge.eventadmin\n"
                + "METRIC  VALUE\n"
                + "posted  4\n", stats);
        assertEquals(BusReports.NO_BUS + "\n", BusReports.stats(List.of(), Map.of()));
        assertEquals("", BusReports.eventsPerFsync(Map.of("journal.appends", 3L, "journal.fsyncs", 0L)));
        assertEquals("", BusReports.eventsPerFsync(Map.of()));
    }

    @Test
    public void subscribersShowOwnersKindsAndTypes() {
        assertEquals(""
                + "BUS       OWNER        KIND                 TYPES         HANDLER\n"
                + "reactive  demo [30]    whiteboard           *             demo.Handler\n"
                + "reactive  -            subscribe            plan.created  x.Lambda\n"
                + "reactive  dead [31]    whiteboard           (unhandled)   dead.Sink\n"
                + "reactive  bridge [32]  whiteboard observer  *             bridge.Outbound\n",
                BusReports.subscribers(BUSES));
        assertEquals("no subscriptions\n", BusReports.subscribers(BUSES.subList(1, 2)));
        assertEquals(BusReports.NO_BUS + "\n", BusReports.subscribers(List.of()));
    }
}
