package ai.cleveragents.events.operations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** A real Felix framework for a test: its system bundle's context registers and finds services. */
final class EmbeddedFramework implements AutoCloseable {

    private final Framework felix;

    EmbeddedFramework() throws IOException, BundleException {
        felix = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("felix-operations").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "ai.cleveragents.events;version=1.0.0"));
        felix.start();
    }

    BundleContext context() {
        return felix.getBundleContext();
    }

    @Override
    public void close() throws BundleException {
        felix.stop();
        try {
            felix.waitForStop(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
