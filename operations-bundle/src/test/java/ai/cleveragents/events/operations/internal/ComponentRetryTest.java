package ai.cleveragents.events.operations.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.After;
import org.junit.Test;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.promise.Promises;

public class ComponentRetryTest {

    private static final String PID = "p";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final ComponentDescriptionDTO failed = description("bus", PID);
    private final ComponentDescriptionDTO active = description("other", PID);
    private final ComponentDescriptionDTO elsewhere = description("third", "q");
    private volatile Map<String, Object> heldBySCR = Map.of("service.pid", PID, "service.ranking", "abc");
    private final LogRecords records = new LogRecords();
    private final ComponentRetry retry = new ComponentRetry(StandIn.of(ServiceComponentRuntime.class, Map.of(
            "getComponentDescriptionDTOs", a -> List.of(failed, active, elsewhere),
            "getComponentConfigurationDTOs", a -> List.of(a[0] == active
                    ? configuration(ComponentConfigurationDTO.ACTIVE, Map.of())
                    : configuration(ComponentConfigurationDTO.FAILED_ACTIVATION, heldBySCR)),
            "disableComponent", a -> {
                calls.add("disable " + ((ComponentDescriptionDTO) a[0]).name);
                return Promises.resolved(null);
            },
            "enableComponent", a -> {
                calls.add("enable " + ((ComponentDescriptionDTO) a[0]).name);
                return Promises.resolved(null);
            })));

    @After
    public void stop() {
        retry.stop();
        records.close();
    }

    private static ComponentDescriptionDTO description(String name, String pid) {
        ComponentDescriptionDTO dto = new ComponentDescriptionDTO();
        dto.name = name;
        dto.configurationPid = new String[] {pid};
        return dto;
    }

    private static ComponentConfigurationDTO configuration(int state, Map<String, Object> properties) {
        ComponentConfigurationDTO dto = new ComponentConfigurationDTO();
        dto.state = state;
        dto.properties = properties;
        return dto;
    }

    @Test
    public void onlyFailedComponentsOfThatPidHoldingTheCurrentConfigurationAreDisabledAndEnabledAgain() {
        Map<String, Object> fixed = Map.of("service.pid", PID, "service.ranking", "150");
        assertEquals(ComponentRetry.Outcome.WAITING, retry.attempt(PID, fixed));
        assertEquals(List.of(), calls);
        heldBySCR = fixed;
        assertEquals(ComponentRetry.Outcome.RETRIED, retry.attempt(PID, fixed));
        assertEquals(List.of("disable bus", "enable bus"), calls);
        assertEquals(ComponentRetry.Outcome.NOTHING, retry.attempt("r", fixed));
    }

    @Test
    public void aDeletedConfigurationIsRetriedOnceSCRDroppedIt() {
        assertEquals(ComponentRetry.Outcome.WAITING, retry.attempt(PID, null));
        heldBySCR = Map.of("component.name", "bus");
        assertEquals(ComponentRetry.Outcome.RETRIED, retry.attempt(PID, null));
        heldBySCR = null;
        assertEquals(ComponentRetry.Outcome.RETRIED, retry.attempt(PID, null));
    }

    @Test
    public void aRetryWaitsUntilSCRHoldsTheNewConfiguration() {
        Map<String, Object> fixed = Map.of("service.pid", PID, "service.ranking", "150");
        retry.retryFailed(PID, fixed);
        await().during(Duration.ofMillis(3 * ComponentRetry.STEP_MS)).atMost(Duration.ofSeconds(5))
                .until(calls::isEmpty);
        heldBySCR = fixed;
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.equals(List.of("disable bus", "enable bus")));
    }

    @Test
    public void aNewerChangeSupersedesAWaitingOne() {
        retry.retryFailed(PID, Map.of("service.ranking", "150"));
        Map<String, Object> newer = Map.of("service.ranking", "160");
        retry.retryFailed(PID, newer);
        heldBySCR = newer;
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.equals(List.of("disable bus", "enable bus")));
    }

    @Test
    public void aChangeSCRNeverReceivesIsNamedAfterThePatienceRunsOut() {
        ComponentRetry impatient = new ComponentRetry(StandIn.of(ServiceComponentRuntime.class, Map.of(
                "getComponentDescriptionDTOs", a -> List.of(failed),
                "getComponentConfigurationDTOs", a -> List.of(configuration(
                        ComponentConfigurationDTO.FAILED_ACTIVATION, heldBySCR)))), 3 * ComponentRetry.STEP_MS);
        try {
            impatient.retryFailed(PID, Map.of("service.ranking", "150"));
            await().atMost(Duration.ofSeconds(5)).until(() -> records.lines().contains("WARN "
                    + "ai.cleveragents.events.configuration - configuration p changed, but its failed components did"
                    + " not receive it within 150 ms: not retried; restart their bundle"));
        } finally {
            impatient.stop();
        }
    }

    @Test
    public void aChangeWhileStoppingIsDropped() {
        retry.stop();
        retry.retryFailed(PID, Map.of());
        assertEquals(List.of(), calls);
    }
}
