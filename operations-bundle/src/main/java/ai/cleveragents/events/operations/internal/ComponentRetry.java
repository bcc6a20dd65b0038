package ai.cleveragents.events.operations.internal;

import java.util.Arrays;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries components whose activation failed once their configuration changed. Felix SCR leaves a
 * component whose constructor threw (for example on {@code service.ranking=abc}) in FAILED ACTIVATION
 * even after the configuration is fixed; disabling and enabling it again makes SCR build it afresh from
 * the current configuration.
 */
@Component(service = ComponentRetry.class)
public final class ComponentRetry {

    private static final Logger LOG = LoggerFactory.getLogger("ai.cleveragents.events.configuration");

    private final ServiceComponentRuntime scr;

    @Activate
    public ComponentRetry(@Reference ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    /**
     * @param pid a configuration PID that was created, updated or deleted
     * @return how many components were retried
     */
    int retryFailed(String pid) {
        int retried = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (Arrays.asList(description.configurationPid).contains(pid) && failed(description)) {
                LOG.info("configuration {} changed: retrying component {}, whose activation had failed", pid,
                        description.name);
                scr.disableComponent(description).onResolve(() -> scr.enableComponent(description));
                retried++;
            }
        }
        return retried;
    }

    private boolean failed(ComponentDescriptionDTO description) {
        return scr.getComponentConfigurationDTOs(description).stream()
                .anyMatch(c -> c.state == ComponentConfigurationDTO.FAILED_ACTIVATION);
    }
}
