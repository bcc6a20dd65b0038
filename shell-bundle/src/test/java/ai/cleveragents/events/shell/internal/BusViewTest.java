package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class BusViewTest {

    @Test
    public void readsNameRankingAndBinding() {
        BusView bus = BusView.of(Map.of("service.id", 34L, "event.bus.name", "reactive", "service.ranking", 100),
                "b [2]", 34, Fakes.Metrics.empty());
        assertEquals(new BusView(34, "reactive", 100, "b [2]", true, Fakes.Metrics.empty()), bus);
        assertEquals("reactive (service 34)", bus.title());
        BusView anonymous = BusView.of(Map.of("service.id", 7L, "service.ranking", "high"), "c [3]", -1, Fakes.Metrics.empty());
        assertEquals(new BusView(7, "-", 0, "c [3]", false, Fakes.Metrics.empty()), anonymous);
    }

    @Test
    public void consumersPreferHigherRankingThenLowerId() {
        BusView a = new BusView(5, "a", 10, "x", false, Fakes.Metrics.empty());
        BusView b = new BusView(3, "b", 10, "x", false, Fakes.Metrics.empty());
        BusView c = new BusView(9, "c", 100, "x", true, Fakes.Metrics.empty());
        assertEquals(List.of(c, b, a), BusView.byRanking(List.of(a, b, c)));
    }
}
