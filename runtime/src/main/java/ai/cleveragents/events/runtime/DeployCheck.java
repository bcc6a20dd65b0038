package ai.cleveragents.events.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * What is wrong with the jars of {@code deploy/}: a file that is not a bundle (FileInstall ignores it
 * silently), or a bundle that cannot resolve, with the requirement the framework names. Bundles that
 * are active, starting, or not yet picked up by FileInstall are not problems.
 */
final class DeployCheck {

    private DeployCheck() {
    }

    /**
     * @param context   the framework's context
     * @param deployDir the {@code deploy} folder
     * @return per jar file name, its problem on one line; sorted by name
     * @throws IOException if the folder cannot be listed
     */
    static Map<String, String> problems(BundleContext context, Path deployDir) throws IOException {
        Map<String, String> problems = new TreeMap<>();
        try (Stream<Path> files = Files.list(deployDir)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                String problem = problem(context, jar);
                if (problem != null) {
                    problems.put(jar.getFileName().toString(), problem);
                }
            }
        }
        return problems;
    }

    private static String problem(BundleContext context, Path jar) {
        String notBundle = notABundle(jar);
        if (notBundle != null) {
            return "not a bundle: " + notBundle;
        }
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().endsWith("/" + jar.getFileName()) && bundle.getState() == Bundle.INSTALLED) {
                return unresolved(bundle);
            }
        }
        return null;
    }

    /** @return why the file is not a bundle, or {@code null} if it has a manifest with a symbolic name */
    static String notABundle(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return "its manifest has no Bundle-SymbolicName";
            }
            return null;
        } catch (IOException e) {
            return "cannot read it as a jar (" + FrameworkLog.rootCause(e) + ")";
        }
    }

    private static String unresolved(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return null;
        } catch (BundleException | IllegalStateException e) {
            return bundle.getSymbolicName() + " [" + bundle.getBundleId() + "] cannot start: "
                    + FrameworkLog.rootCause(e).replaceFirst("^BundleException: ", "").replaceFirst(" Unresolved requirements: .*$", "");
        }
    }
}
