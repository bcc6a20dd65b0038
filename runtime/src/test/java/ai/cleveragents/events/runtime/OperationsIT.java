package ai.cleveragents.events.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.sun.tools.attach.VirtualMachine;

/**
 * Issue 17, operating a running runtime ({@code --daemon}, commands through the console socket): a bad
 * {@code .cfg} named with property, value and allowed values, the bus back once the file is fixed,
 * {@code deploy/} jars that are not bundles or cannot resolve named within 5 s, {@code events:health}
 * failing and passing, and the metrics read as MBeans through a JMX connector from this JVM. The tests
 * run in name order on one runtime.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OperationsIT {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
    private static Path home;
    private static Path busConfig;
    private static ChildRuntime daemon;

    @BeforeClass
    public static void startWithABadConfiguration() throws IOException {
        home = DistributionIT.freshCopy("operations-dist");
        busConfig = home.resolve("conf/ai.cleveragents.events.bus.reactive.cfg");
        Files.writeString(busConfig, "service.ranking=abc\n");
        daemon = ChildRuntime.launch(home, "--daemon", "--timing");
        daemon.awaitStderr(ChildRuntime.ALL_ACTIVE);
    }

    @AfterClass
    public static void stop() {
        daemon.close();
    }

    private static ChildRuntime attach(String... commands) throws Exception {
        String[] args = new String[commands.length * 2];
        for (int i = 0; i < commands.length; i++) {
            args[2 * i] = "-c";
            args[2 * i + 1] = commands[i];
        }
        ChildRuntime client = ChildRuntime.launch(home, args);
        client.awaitExit(ChildRuntime.TIMEOUT);
        return client;
    }

    private static long millisUntilStderr(Pattern pattern) {
        long start = System.nanoTime();
        await("stderr matching " + pattern + ":\n" + daemon.stderr()).atMost(FIVE_SECONDS)
                .until(() -> pattern.matcher(daemon.stderr()).find());
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    public void a_aBadValueAtStartIsNamedAndTheRuntimeIsUnhealthy() throws Exception {
        assertTrue(daemon.stderr(), daemon.stderr().contains("ERROR a.c.events.configuration - configuration "
                + "ai.cleveragents.events.bus.reactive (file:" + busConfig + "): service.ranking=abc is not valid; allowed:"
                + " a whole number from -2147483648 to 2147483647 (Integer)"));
        assertTrue(daemon.stderr(), daemon.stderr().contains("NumberFormatException: For input string: \"abc\""));
        ChildRuntime health = attach("events:health");
        assertEquals(health.stdout() + health.stderr(), 1, health.awaitExit(ChildRuntime.TIMEOUT));
        assertTrue(health.stdout(), health.stdout().contains("journal           failed   no EventJournal service"));
        assertTrue(health.stdout(), health.stdout().contains("UNHEALTHY: journal"));
        assertTrue(health.stderr(), health.stderr().contains("gogo: UnhealthyException: unhealthy: journal"));
    }

    @Test
    public void b_fixingTheFileBringsTheBusBack() throws Exception {
        Files.writeString(busConfig, "service.ranking=150\n");
        awaitReactiveBusWithRanking150();
        ChildRuntime health = attach("events:health");
        assertEquals(health.stdout() + health.stderr(), 0, health.awaitExit(ChildRuntime.TIMEOUT));
        assertTrue(health.stdout(), health.stdout().contains("buses             ok       reactive (150), logging (10)"));
        assertTrue(health.stdout(), health.stdout().endsWith("healthy\n"));
    }

    private static void awaitReactiveBusWithRanking150() {
        try {
            await().atMost(ChildRuntime.TIMEOUT).until(() -> attach("events:buses").stdout()
                    .matches("(?s).*\\*\\s+\\d+\\s+reactive\\s+150 .*"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the reactive bus is not back; runtime stderr:\n" + daemon.stderr(), e);
        }
    }

    @Test
    public void c_aBadValueWrittenWhileRunningIsNamedWithinFiveSeconds() throws Exception {
        Files.writeString(busConfig, "service.ranking=150\njournal.durability=sometimes\njournal.durabilty=always\n");
        long millis = millisUntilStderr(Pattern.compile("journal.durability=sometimes is not valid; allowed: none, group, always"));
        millis = Math.max(millis, millisUntilStderr(Pattern.compile(
                "journal.durabilty: unknown property; allowed: close.timeout.ms,")));
        System.out.printf("bad .cfg value named %d ms after the write%n", millis);
        Files.writeString(busConfig, "service.ranking=150\n");
        awaitReactiveBusWithRanking150();
    }

    @Test
    public void d_deployJarsThatAreNotBundlesOrCannotResolveAreNamedWithinFiveSeconds() throws Exception {
        Path junk = home.resolve("deploy/junk.jar");
        Path unresolvable = home.resolve("deploy/unresolvable.jar");
        Files.writeString(junk, "not a zip", StandardCharsets.UTF_8);
        writeBundle(unresolvable, "it.unresolvable", "no.such.pkg");
        long millis = millisUntilStderr(Pattern.compile("deploy/junk.jar: not a bundle: cannot read it as a jar"));
        millis = Math.max(millis, millisUntilStderr(Pattern.compile("deploy/unresolvable.jar: it.unresolvable \\[\\d+] cannot start:"
                + " Unable to resolve .*missing requirement .*osgi.wiring.package=no.such.pkg")));
        System.out.printf("bad deploy/ jars named within %d ms%n", millis);
        Files.delete(junk);
        Files.delete(unresolvable);
    }

    static void writeBundle(Path jar, String symbolicName, String importPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Import-Package", importPackage);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp), manifest)) {
            out.flush();
        }
        Files.move(tmp, jar);
    }

    @Test
    public void e_metricsAreMBeansReadableThroughAJmxConnector() throws Exception {
        ChildRuntime emit = attach("events:emit plan.created --plan p-jmx");
        assertEquals(emit.stderr(), 0, emit.awaitExit(ChildRuntime.TIMEOUT));
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(daemon.pid()));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            ObjectName reactive = new ObjectName("ai.cleveragents.events:type=EventBus,name=reactive");
            assertEquals(1L, mbeans.getAttribute(reactive, "emitted.plan.created"));
            assertEquals(1L, mbeans.getAttribute(reactive, "journal.appends"));
            assertTrue(mbeans.isRegistered(new ObjectName("ai.cleveragents.events:type=EventBus,name=logging")));
            assertEquals(0L, mbeans.getAttribute(
                    new ObjectName("ai.cleveragents.events:type=MetricsSource,name=eventadmin-bridge"), "queue.depth"));
            assertTrue(mbeans.isRegistered(new ObjectName("ai.cleveragents.events:type=MetricsSource,name=services.plan")));
        }
    }

    @Test
    public void z_stopThroughTheSocket() throws Exception {
        assertEquals(0, attach("stop 0").awaitExit(ChildRuntime.TIMEOUT));
        assertEquals(daemon.stderr(), 0, daemon.awaitExit(ChildRuntime.TIMEOUT));
    }
}
