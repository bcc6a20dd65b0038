package ai.cleveragents.events.benchmarks.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.cleveragents.events.benchmarks.TempFiles;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An Apache Felix framework started inside the benchmark JVM with the peer bundles (Event Admin,
 * Config Admin, Aries Typed Event and its dependencies) installed from the benchmark jar.
 *
 * <p>The peers' service APIs ({@code org.osgi.service.event}, {@code org.osgi.service.typedevent}
 * and what they use) are exported by the system bundle from the class path, so handlers written in
 * the benchmark and registered through the system bundle context are the classes the peer bundles
 * see.
 */
public final class EmbeddedFelix implements AutoCloseable {

    /** Felix Event Admin, under {@code /felix-bundles/} in the jar. */
    public static final List<String> EVENT_ADMIN = List.of("org.apache.felix.eventadmin");
    /** Aries Typed Event and what it needs, in install order. */
    public static final List<String> TYPED_EVENT = List.of("org.apache.felix.configadmin",
            "org.osgi.util.converter", "org.apache.aries.component-dsl.component-dsl",
            "org.apache.aries.typedevent.bus");

    private static final String SYSTEM_PACKAGES = String.join(",",
            "org.osgi.service.event;version=1.4.1",
            "org.osgi.service.typedevent;version=1.0.0",
            "org.osgi.service.typedevent.annotations;version=1.0.0",
            "org.osgi.service.typedevent.monitor;version=1.0.0",
            "org.osgi.service.typedevent.propertytypes;version=1.0.0",
            "org.osgi.util.pushstream;version=1.1.0",
            "org.osgi.util.promise;version=1.3.0",
            "org.osgi.util.function;version=1.2.0",
            "org.slf4j;version=1.7.36");

    private static final long SERVICE_TIMEOUT_MILLIS = 30_000;

    private final Path storage;
    private final Felix felix;

    private EmbeddedFelix(Path storage, Felix felix) {
        this.storage = storage;
        this.felix = felix;
    }

    /**
     * Starts a framework in a fresh storage directory with the given peer bundles started.
     *
     * @param bundles {@link #EVENT_ADMIN} or {@link #TYPED_EVENT}
     * @return the running framework
     */
    public static EmbeddedFelix start(List<String> bundles) {
        return start(bundles, Map.of());
    }

    /**
     * Starts a framework in a fresh storage directory with the given peer bundles started and extra
     * framework properties, which bundles read through {@code BundleContext.getProperty} (Felix Event
     * Admin takes its configuration from there when Config Admin has none).
     *
     * @param bundles    {@link #EVENT_ADMIN} or {@link #TYPED_EVENT}
     * @param properties extra framework properties
     * @return the running framework
     */
    public static EmbeddedFelix start(List<String> bundles, Map<String, String> properties) {
        try {
            Path storage = Files.createTempDirectory("bench-felix");
            Map<String, Object> config = new HashMap<>();
            config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES);
            config.putAll(properties);
            Felix felix = new Felix(config);
            felix.start();
            EmbeddedFelix framework = new EmbeddedFelix(storage, felix);
            framework.install(bundles);
            return framework;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BundleException e) {
            throw new IllegalStateException("cannot start the embedded Felix framework: " + e.getMessage(), e);
        }
    }

    private void install(List<String> bundles) throws BundleException, IOException {
        List<Bundle> installed = new ArrayList<>();
        for (String name : bundles) {
            String resource = "/felix-bundles/" + name + ".jar";
            try (InputStream in = EmbeddedFelix.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not in the benchmark jar; build it with ./bench");
                }
                installed.add(context().installBundle("bench:" + name, in));
            }
        }
        for (Bundle b : installed) {
            b.start();
        }
    }

    /** @return the system bundle's context, through which the benchmark registers its handlers */
    public BundleContext context() {
        return felix.getBundleContext();
    }

    /**
     * Waits for a service of a peer bundle.
     *
     * @param <S>  the service type
     * @param type the service interface
     * @return the service
     * @throws IllegalStateException if it does not appear within 30 s
     */
    public <S> S service(Class<S> type) {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(SERVICE_TIMEOUT_MILLIS);
            if (service == null) {
                throw new IllegalStateException(type.getName() + " did not appear in the embedded framework");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + type.getName(), e);
        }
    }

    /**
     * Registers a handler service through the system bundle.
     *
     * @param <S>        the service type
     * @param type       the service interface
     * @param handler    the handler
     * @param properties its service properties
     * @return the registration
     */
    public <S> ServiceRegistration<S> register(Class<S> type, S handler, Dictionary<String, ?> properties) {
        return context().registerService(type, handler, properties);
    }

    /** Stops the framework and deletes its storage. */
    @Override
    public void close() {
        try {
            felix.stop();
            felix.waitForStop(SERVICE_TIMEOUT_MILLIS);
        } catch (BundleException e) {
            throw new IllegalStateException("cannot stop the embedded Felix framework", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            TempFiles.deleteTree(storage);
        }
    }
}
