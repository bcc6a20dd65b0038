package ai.cleveragents.events.shell.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.felix.cm.impl.ConfigurationManager;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.ConfigurationAdmin;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;
import ai.cleveragents.events.dispatch.redaction.DetailRedactor;
import ai.cleveragents.events.dispatch.redaction.RedactionPolicy;

/**
 * The shell masks with the configured policy, not the default one (issue 16, leak 4), and follows a
 * change live: a real embedded Felix with the real Felix Config Admin.
 */
public class ShellRedactionTest {

    private Framework framework;
    private BundleContext context;

    @Before
    public void start() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("felix-shell").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.cm;version=1.6.1");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        context = framework.getBundleContext();
        context.installBundle(ConfigurationManager.class.getProtectionDomain().getCodeSource().getLocation()
                .toString()).start();
    }

    @After
    public void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    public void commandsMaskWithTheConfiguredPolicyWhileActiveAndTheDefaultsOtherwise() throws Exception {
        DomainEvent event = DomainEvent.builder(EventType.TOOL_INVOKED).detail("ssn", "123-45-6789")
                .detail("password", "hunter2").build();
        assertSame(DetailRedactor.defaults(), ShellRedaction.current());
        ShellRedaction component = new ShellRedaction(context);
        ConfigurationAdmin admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(RedactionPolicy.KEY_PATTERN, "^ssn$");
        admin.getConfiguration(RedactionPolicy.PID, "?").update(props);

        await().atMost(Duration.ofSeconds(10)).until(() -> !EventLines.line(event).contains("123-45-6789"));
        assertTrue(EventLines.line(event).contains("hunter2"));

        component.deactivate();
        assertSame(DetailRedactor.defaults(), ShellRedaction.current());
        assertFalse(EventLines.line(event).contains("hunter2"));
    }
}
