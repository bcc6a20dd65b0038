package ai.cleveragents.events.operations.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.promise.Promises;

public class ComponentRetryTest {

    private final List<String> calls = new ArrayList<>();

    private static ComponentDescriptionDTO description(String name, String pid) {
        ComponentDescriptionDTO dto = new ComponentDescriptionDTO();
        dto.name = name;
        dto.configurationPid = new String[] {pid};
        return dto;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO dto = new ComponentConfigurationDTO();
        dto.state = state;
        return dto;
    }

    @Test
    public void onlyFailedComponentsOfThatPidAreDisabledAndEnabledAgain() {
        ComponentDescriptionDTO failed = description("bus", "p");
        ComponentDescriptionDTO active = description("other", "p");
        ComponentDescriptionDTO elsewhere = description("third", "q");
        ServiceComponentRuntime scr = StandIn.of(ServiceComponentRuntime.class, Map.of(
                "getComponentDescriptionDTOs", a -> List.of(failed, active, elsewhere),
                "getComponentConfigurationDTOs", a -> List.of(configuration(
                        a[0] == active ? ComponentConfigurationDTO.ACTIVE : ComponentConfigurationDTO.FAILED_ACTIVATION)),
                "disableComponent", a -> {
                    calls.add("disable " + ((ComponentDescriptionDTO) a[0]).name);
                    return Promises.resolved(null);
                },
                "enableComponent", a -> {
                    calls.add("enable " + ((ComponentDescriptionDTO) a[0]).name);
                    return Promises.resolved(null);
                }));
        assertEquals(1, new ComponentRetry(scr).retryFailed("p"));
        assertEquals(List.of("disable bus", "enable bus"), calls);
        assertEquals(0, new ComponentRetry(scr).retryFailed("r"));
    }
}
