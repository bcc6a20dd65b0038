package ai.cleveragents.events.dispatch.redaction;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.felix.cm.impl.ConfigurationManager;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The tracker against a real embedded Felix with the real Felix Config Admin: defaults before any
 * configuration, live changes whatever location the configuration is bound to, an invalid change kept
 * out, deletion back to the defaults, and Config Admin arriving after the tracker.
 */
public class RedactionPolicyTrackerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Framework framework;
    private BundleContext system;
    private Bundle configAdmin;
    private RedactionPolicyTracker tracker;

    @Before
    public void start() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("felix").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.cm;version=1.6.1");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        system = framework.getBundleContext();
        tracker = RedactionPolicyTracker.open(system);
        configAdmin = system.installBundle(ConfigurationManager.class.getProtectionDomain().getCodeSource()
                .getLocation().toString());
        configAdmin.start();
    }

    @After
    public void stop() throws Exception {
        tracker.close();
        tracker.close();
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    public void followsTheConfigurationWhateverItsLocation() throws Exception {
        assertSame(DetailRedactor.defaults(), tracker.current());
        ConfigurationAdmin admin = system.getService(system.getServiceReference(ConfigurationAdmin.class));
        Configuration unbound = admin.getConfiguration(RedactionPolicy.PID, null);
        unbound.update(props(RedactionPolicy.KEY_PATTERN, "^ssn$"));
        await().atMost(WAIT).until(() -> tracker.current().isSensitive("ssn"));
        assertFalse(tracker.current().isSensitive("password"));

        unbound.update(props(RedactionPolicy.KEY_PATTERN, "pass(word"));
        unbound.update(props(RedactionPolicy.KEY_PATTERN, "^pin$", "detect.jwt", "false"));
        await().atMost(WAIT).until(() -> tracker.current().isSensitive("pin"));
        assertFalse(tracker.current().detectors().contains(ValueDetector.JWT));

        unbound.delete();
        await().atMost(WAIT).until(() -> tracker.current() == DetailRedactor.defaults());

        Configuration multi = admin.getConfiguration(RedactionPolicy.PID, "?");
        multi.update(props(RedactionPolicy.KEY_PATTERN, "^ssn$"));
        await().atMost(WAIT).until(() -> tracker.current().isSensitive("ssn"));
    }

    @Test
    public void anInvalidConfigurationKeepsThePreviousPolicy() throws Exception {
        ConfigurationAdmin admin = system.getService(system.getServiceReference(ConfigurationAdmin.class));
        Configuration configuration = admin.getConfiguration(RedactionPolicy.PID, "?");
        configuration.update(props(RedactionPolicy.KEY_PATTERN, "^ssn$"));
        await().atMost(WAIT).until(() -> tracker.current().isSensitive("ssn"));
        DetailRedactor before = tracker.current();
        configuration.update(props(RedactionPolicy.KEY_PATTERN, "^ssn$", "detect.bearer", "maybe"));
        configuration.update(props(RedactionPolicy.KEY_PATTERN, "^ssn$|^marker$"));
        await().atMost(WAIT).until(() -> tracker.current().isSensitive("marker"));
        assertTrue(before != tracker.current());
    }

    @Test
    public void readsAConfigurationThatExistedBeforeIt() throws Exception {
        ConfigurationAdmin admin = system.getService(system.getServiceReference(ConfigurationAdmin.class));
        admin.getConfiguration(RedactionPolicy.PID, null).update(props(RedactionPolicy.KEY_PATTERN, "^early$"));
        try (RedactionPolicyTracker late = RedactionPolicyTracker.open(system)) {
            assertTrue(late.get().isSensitive("early"));
        }
    }

    private static Dictionary<String, Object> props(Object... keyValues) {
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put((String) keyValues[i], keyValues[i + 1]);
        }
        return props;
    }
}
