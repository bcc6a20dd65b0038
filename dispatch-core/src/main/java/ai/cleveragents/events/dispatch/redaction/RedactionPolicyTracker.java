package ai.cleveragents.events.dispatch.redaction;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@link RedactionPolicy} configuration ({@value RedactionPolicy#PID}) live, for one
 * bundle: {@code RedactionPolicyTracker.open(context)} once, {@link #current()} wherever output is
 * written, {@link #close()} on deactivation.
 *
 * <p>It reads the configuration through {@link ConfigurationAdmin#listConfigurations} and re-reads it on
 * every {@link ConfigurationEvent} for the PID, so it never binds the configuration to a bundle
 * location: every bundle embedding it sees the same configuration, whether it was created with a
 * {@code null}, {@code ?} or a bundle location (FileInstall uses {@code ?}). Until Config Admin is
 * there, or without a configuration, the defaults apply. An invalid configuration keeps the previous
 * policy and logs one ERROR line naming the bundle and the property: redaction is never silently off.
 * Thread-safe.
 */
public final class RedactionPolicyTracker implements Supplier<DetailRedactor>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedactionPolicyTracker.class);

    private final String owner;
    private final ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admins;
    private final ServiceRegistration<ConfigurationListener> listener;
    private volatile DetailRedactor current = DetailRedactor.defaults();

    private RedactionPolicyTracker(BundleContext context) {
        this.owner = context.getBundle().getSymbolicName();
        this.admins = new ServiceTracker<>(context, ConfigurationAdmin.class, null) {
            @Override
            public ConfigurationAdmin addingService(ServiceReference<ConfigurationAdmin> reference) {
                ConfigurationAdmin admin = super.addingService(reference);
                reload(admin);
                return admin;
            }
        };
        this.listener = context.registerService(ConfigurationListener.class, this::configurationEvent, null);
    }

    /**
     * @param context the bundle context of the component that writes output
     * @return an open tracker holding the current policy
     */
    public static RedactionPolicyTracker open(BundleContext context) {
        RedactionPolicyTracker tracker = new RedactionPolicyTracker(context);
        tracker.admins.open();
        return tracker;
    }

    /** @return the redactor of the current policy */
    public DetailRedactor current() {
        return current;
    }

    /** @return {@link #current()} */
    @Override
    public DetailRedactor get() {
        return current;
    }

    /** Stops following the configuration; {@link #current()} keeps the last policy. Idempotent. */
    @Override
    public void close() {
        try {
            listener.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            LOG.debug("redaction policy listener of {} already unregistered", owner);
        }
        admins.close();
    }

    private void configurationEvent(ConfigurationEvent event) {
        if (RedactionPolicy.PID.equals(event.getPid())) {
            ConfigurationAdmin admin = admins.getService();
            if (admin != null) {
                reload(admin);
            }
        }
    }

    private synchronized void reload(ConfigurationAdmin admin) {
        Map<String, Object> properties;
        try {
            Configuration[] found = admin.listConfigurations("(" + org.osgi.framework.Constants.SERVICE_PID + "="
                    + RedactionPolicy.PID + ")");
            properties = found == null || found.length == 0 ? null : toMap(found[0].getProperties());
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            LOG.error("redaction policy {} for {}: cannot read the configuration ({}); keeping the previous policy",
                    RedactionPolicy.PID, owner, e.toString());
            return;
        }
        apply(properties);
    }

    private void apply(Map<String, Object> properties) {
        try {
            current = RedactionPolicy.redactor(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("redaction policy {} for {}: {}; keeping the previous policy", RedactionPolicy.PID, owner,
                    e.getMessage());
        }
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> dictionary) {
        if (dictionary == null) {
            return null;
        }
        Map<String, Object> map = new HashMap<>();
        for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            map.put(key, dictionary.get(key));
        }
        return map;
    }
}
