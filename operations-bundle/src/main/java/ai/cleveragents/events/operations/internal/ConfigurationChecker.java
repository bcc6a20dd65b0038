package ai.cleveragents.events.operations.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every configuration against the metatype of the bundle that describes its PID, when this
 * component starts and whenever one is created or updated (a {@code .cfg} file of {@code conf/} or
 * {@code deploy/} edited): each problem is logged as one error line naming the PID, the property, the
 * value and what is allowed. After any change it asks {@link ComponentRetry} to retry the components
 * of that PID whose activation failed, so fixing the file brings them back.
 */
@Component(service = ConfigurationListener.class, immediate = true)
public final class ConfigurationChecker implements ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger("ai.cleveragents.events.configuration");

    private final BundleContext context;
    private final ConfigurationAdmin admin;
    private final MetaTypeService metatype;
    private final Problems problems;
    private final ComponentRetry retry;

    @Activate
    public ConfigurationChecker(BundleContext context, @Reference ConfigurationAdmin admin,
            @Reference MetaTypeService metatype, @Reference LogForwarder forwarder, @Reference ComponentRetry retry) {
        this.context = context;
        this.admin = admin;
        this.metatype = metatype;
        this.problems = forwarder.problems();
        this.retry = retry;
        for (Configuration configuration : configurations(null)) {
            check(configuration);
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        Map<String, Object> current = null;
        try {
            if (event.getType() != ConfigurationEvent.CM_DELETED) {
                for (Configuration configuration : configurations("(service.pid=" + filterValue(event.getPid()) + ")")) {
                    if (event.getType() == ConfigurationEvent.CM_UPDATED) {
                        check(configuration);
                    }
                    current = propertiesOf(configuration);
                }
            }
        } finally {
            retry.retryFailed(event.getPid(), current);
        }
    }

    private static String filterValue(String value) {
        return value.replaceAll("([\\\\()*])", "\\\\$1");
    }

    private static Map<String, Object> propertiesOf(Configuration configuration) {
        try {
            Dictionary<String, Object> properties = configuration.getProperties();
            return properties == null ? null : FrameworkUtil.asMap(properties);
        } catch (IllegalStateException deleted) {
            return null;
        }
    }

    private void check(Configuration configuration) {
        try {
            checkProperties(configuration);
        } catch (IllegalStateException | IllegalArgumentException e) {
            problems.error(LOG, "configuration", "cannot check configuration " + OneLine.of(configuration.getPid())
                    + ": " + OneLine.of(e.getMessage()));
        }
    }

    private void checkProperties(Configuration configuration) {
        if (configuration.getProperties() == null) {
            return;
        }
        String pid = configuration.getPid();
        Optional<ObjectClassDefinition> ocd = definition(configuration.getFactoryPid() != null
                ? configuration.getFactoryPid() : pid);
        if (ocd.isEmpty()) {
            return;
        }
        List<ConfigurationCheck.Rule> rules = Arrays.stream(ocd.get().getAttributeDefinitions(ObjectClassDefinition.ALL))
                .map(ConfigurationCheck.Rule::of).toList();
        Map<String, Object> properties = FrameworkUtil.asMap(configuration.getProperties());
        Object file = properties.get("felix.fileinstall.filename");
        String where = "configuration " + pid + (file == null ? "" : " (" + OneLine.of(file) + ")");
        for (String problem : ConfigurationCheck.problems(properties, rules)) {
            problems.error(LOG, "configuration", where + ": " + problem);
        }
    }

    private Optional<ObjectClassDefinition> definition(String pid) {
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            if (info != null && (contains(info.getPids(), pid) || contains(info.getFactoryPids(), pid))) {
                return Optional.ofNullable(info.getObjectClassDefinition(pid, null));
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String[] pids, String pid) {
        return pids != null && Arrays.asList(pids).contains(pid);
    }

    private Configuration[] configurations(String filter) {
        try {
            Configuration[] found = admin.listConfigurations(filter);
            return found == null ? new Configuration[0] : found;
        } catch (IOException | InvalidSyntaxException e) {
            problems.error(LOG, "configuration", "cannot list configurations: " + OneLine.of(e.getMessage()));
            return new Configuration[0];
        }
    }
}
