package ai.cleveragents.events.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Shared Pax Exam options: a Felix framework with SCR, Config Admin, Event Admin and Metatype, plus
 * the API bundle and its libraries. Bundles come from the resolved bundle set ({@code bundles/runtime.bndrun}),
 * unpacked by the build into {@code target/bundles}.
 */
public abstract class OsgiTestSupport {

    @Inject
    protected BundleContext context;

    /**
     * A bundle of the resolved bundle set ({@code bundles/runtime.bndrun}), unpacked by the build into
     * {@code target/bundles} as {@code <artifactId>-<version>.jar}.
     *
     * @param artifactId the bundle's Maven artifactId
     * @throws IllegalStateException if the bundle set has no such bundle
     */
    protected static org.ops4j.pax.exam.options.UrlProvisionOption bundleFile(String artifactId) {
        File dir = new File(System.getProperty("bundles.dir", "target/bundles"));
        Pattern name = Pattern.compile(Pattern.quote(artifactId) + "-[0-9][^-]*(-SNAPSHOT)?\\.jar");
        File[] jars = dir.listFiles((d, n) -> name.matcher(n).matches());
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("the bundle set in " + dir + " has no single " + artifactId
                    + "-<version>.jar: run the build through Maven, and require the bundle in bundles/runtime.bndrun");
        }
        return bundle(jars[0].toURI().toString());
    }

    /** The framework services every test needs. */
    protected static Option frameworkServices() {
        return composite(
                junitBundles(),
                systemProperty("org.osgi.framework.storage.clean").value("onFirstInit"),
                bundleFile("org.osgi.util.function"),
                bundleFile("org.osgi.util.promise"),
                bundleFile("org.osgi.service.component"),
                bundleFile("org.apache.felix.scr"),
                bundleFile("org.apache.felix.configadmin"),
                bundleFile("org.apache.felix.eventadmin"),
                bundleFile("org.apache.felix.metatype"));
    }

    /**
     * SLF4J 2 with Logback as its provider, found through the OSGi ServiceLoader Mediator (Aries SPI
     * Fly): SPI Fly and ASM start first, then the SLF4J API and Logback, then everything else.
     */
    protected static Option logging() {
        return composite(
                systemProperty("logback.configurationFile").value(new File("src/test/resources/logback-test.xml").getAbsolutePath()),
                bundleFile("asm").startLevel(1),
                bundleFile("asm-commons").startLevel(1),
                bundleFile("asm-tree").startLevel(1),
                bundleFile("asm-analysis").startLevel(1),
                bundleFile("asm-util").startLevel(1),
                bundleFile("org.apache.aries.spifly.dynamic.bundle").startLevel(1),
                bundleFile("slf4j-api").startLevel(2),
                bundleFile("logback-core").startLevel(2),
                bundleFile("logback-classic").startLevel(2));
    }

    /** The API bundle, the JSON codec bundle and the library the codec imports. */
    protected static Option apiBundle() {
        return composite(
                bundleFile("jackson-core"),
                bundleFile("ai.cleveragents.events.api"),
                bundleFile("ai.cleveragents.events.json"));
    }

    /** The decision and plan services bundle (needs {@link #logging()} and {@link #apiBundle()}). */
    protected static Option servicesBundle() {
        return bundleFile("ai.cleveragents.events.services");
    }

    /** The reactive bus bundle. */
    protected static Option reactiveBus() {
        return bundleFile("ai.cleveragents.events.bus.reactive");
    }

    /** The logging bus bundle. */
    protected static Option loggingBus() {
        return bundleFile("ai.cleveragents.events.bus.logging");
    }

    /** Installs and starts an empty bundle, standing for a third-party client bundle. */
    protected Bundle installClientBundle(String symbolicName) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        a.putValue(Constants.IMPORT_PACKAGE, "ai.cleveragents.events;version=\"[1.0,2.0)\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JarOutputStream(out, m).close();
        Bundle b = context.installBundle(symbolicName, new ByteArrayInputStream(out.toByteArray()));
        b.start();
        return b;
    }

    /**
     * Waits until {@code condition} holds, polling, for at most 10 seconds (Awaitility is not
     * provisioned into the framework; this is its in-framework stand-in).
     *
     * @throws AssertionError if the condition does not hold in time
     */
    protected static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("condition not met within 10 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    protected Bundle installedBundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }
}
