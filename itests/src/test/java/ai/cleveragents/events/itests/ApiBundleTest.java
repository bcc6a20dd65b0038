package ai.cleveragents.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.json.EventCodec;
import ai.cleveragents.events.json.EventCodecException;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiBundleTest extends OsgiTestSupport {

    @Configuration
    public Option[] config() {
        return new Option[] {frameworkServices(), apiBundle()};
    }

    @Test
    public void apiBundleIsActiveExportsItsPackagesAndImportsNothing() {
        Bundle api = installedBundle("ai.cleveragents.events.api");
        assertTrue("state " + api.getState(), (api.getState() & (Bundle.ACTIVE | Bundle.RESOLVED)) != 0);
        Map<String, String> exported = exports(api);
        assertEquals("1.1.0", exported.get("ai.cleveragents.events"));
        assertEquals("1.1.0", exported.get("ai.cleveragents.events.propertytypes"));
        assertEquals("1.0.0", exported.get("ai.cleveragents.events.annotations"));
        assertEquals(3, exported.size());
        assertEquals("the API wires to no other bundle's package", List.of(),
                api.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package"));
    }

    @Test
    public void theCodecIsItsOwnBundle() {
        Bundle json = installedBundle("ai.cleveragents.events.json");
        assertEquals(Map.of("ai.cleveragents.events.json", "1.1.0"), exports(json));
        assertEquals("ai.cleveragents.events.api",
                FrameworkUtil.getBundle(DomainEvent.class).getSymbolicName());
        assertEquals("ai.cleveragents.events.json",
                FrameworkUtil.getBundle(EventCodec.class).getSymbolicName());
    }

    private static Map<String, String> exports(Bundle bundle) {
        Map<String, String> exported = new HashMap<>();
        for (BundleCapability c : bundle.adapt(BundleWiring.class).getCapabilities("osgi.wiring.package")) {
            exported.put((String) c.getAttributes().get("osgi.wiring.package"),
                    c.getAttributes().get("version").toString());
        }
        return exported;
    }

    @Test
    public void codecRoundTripsInsideOsgi() {
        EventCodec codec = new EventCodec();
        DomainEvent event = DomainEvent.builder(EventType.PLAN_PHASE_CHANGED)
                .planId("p-1")
                .detail("from", "draft")
                .detail("to", "running")
                .detail("steps", List.of(1, 2.5, Map.of("deep", true)))
                .build();
        assertEquals(event, codec.decode(codec.encode(event)));
    }

    @Test(expected = EventCodecException.class)
    public void codecRejectsUnknownTypesInsideOsgi() {
        new EventCodec().decode("{\"event_id\":\"01JDQ7J9Z0ABCDEFGHJKMNPQRS\",\"event_type\":\"plan.exploded\","
                + "\"timestamp\":\"2026-11-25T11:00:00Z\",\"correlation_id\":\"c\",\"details\":{}}");
    }
}
