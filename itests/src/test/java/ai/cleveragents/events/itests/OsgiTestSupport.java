package ai.cleveragents.events.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;

import javax.inject.Inject;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Shared Pax Exam options: a Felix framework with SCR, Config Admin, Event Admin and Metatype, plus
 * the API bundle and its libraries. Bundles come from {@code target/bundles}, filled by the build.
 */
public abstract class OsgiTestSupport {

    @Inject
    protected BundleContext context;

    /** The installed bundle file {@code target/bundles/<name>.jar}. */
    protected static org.ops4j.pax.exam.options.UrlProvisionOption bundleFile(String artifactId) {
        File dir = new File(System.getProperty("bundles.dir", "target/bundles"));
        File jar = new File(dir, artifactId + ".jar");
        if (!jar.isFile()) {
            throw new IllegalStateException("missing test bundle " + jar + ": run the build through Maven");
        }
        return bundle(jar.toURI().toString());
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

    /** The API bundle and the libraries it imports. */
    protected static Option apiBundle() {
        return composite(
                bundleFile("jackson-core"),
                bundleFile("ulid-creator"),
                bundleFile("ai.cleveragents.events.api"));
    }

    /** Awaitility inside the framework, for tests that wait on a condition (with Hamcrest 2, which it imports). */
    protected static Option awaitility() {
        return composite(bundleFile("hamcrest"), bundleFile("awaitility"));
    }

    /** The decision and plan services bundle (needs {@link #logging()} and {@link #apiBundle()}). */
    protected static Option servicesBundle() {
        return bundleFile("ai.cleveragents.events.services");
    }

    /** The reactive bus bundle (needs {@link #logging()} and {@link #apiBundle()}). */
    protected static Option reactiveBus() {
        return bundleFile("ai.cleveragents.events.bus.reactive");
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
