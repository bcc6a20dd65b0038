package ai.cleveragents.events.runtime;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Which Gogo console the runtime starts. On a terminal (standard input and output both one) and
 * interactive: the JLine console ({@code org.apache.felix.gogo.jline}, as in Karaf) with UTF-8 input,
 * line editing, completion and the history in {@code data/history} (owner-only), set up by
 * {@code conf/jline/etc/gosh_profile}. Otherwise (a pipe, a file, {@code -c}, {@code --daemon}): the plain
 * console ({@code org.apache.felix.gogo.shell}), which reads lines from standard input or stays quiet.
 * Both are in {@code bundle/5}; the other one is not installed.
 */
final class ConsoleChoice {

    static final String JLINE = "org.apache.felix.gogo.jline.jar";
    static final String PLAIN = "org.apache.felix.gogo.shell.jar";
    static final String HISTORY = "history";
    /** The web console and the HTTP service it is served by: not started for a run of {@code -c} commands. */
    static final List<String> WEB = List.of("ai.cleveragents.events.console.web.jar", "org.apache.felix.http.jetty.jar",
            "org.apache.felix.http.servlet-api.jar");

    private ConsoleChoice() {
    }

    /**
     * @param bundles  the distribution's bundles
     * @param terminal whether the JLine console is wanted
     * @return the bundles without the console that is not
     */
    static List<BundleSet.Entry> select(List<BundleSet.Entry> bundles, boolean terminal) {
        String dropped = terminal ? PLAIN : JLINE;
        return bundles.stream().filter(e -> !e.jar().getFileName().toString().equals(dropped)).toList();
    }

    /**
     * A runtime started to run {@code -c} commands and exit binds no port: the web console and its HTTP
     * service are not installed (they would also race the shutdown that follows the commands).
     *
     * @param bundles the distribution's bundles
     * @return the bundles without the web console and the HTTP service
     */
    static List<BundleSet.Entry> withoutWebConsole(List<BundleSet.Entry> bundles) {
        return bundles.stream().filter(e -> !WEB.contains(e.jar().getFileName().toString())).toList();
    }

    /**
     * Prepares the JLine console: {@code gosh.args=--login} and {@code gosh.home=<home>/conf/jline} (so it
     * reads {@code conf/jline/etc/gosh_profile}, which the plain console must not: it lacks the JLine
     * console's commands), the
     * history file created owner-only, and no thread context class loader (JLine looks its terminal
     * providers up through it and would fall back to a dumb terminal).
     *
     * @param properties the framework properties
     * @param home       the distribution folder
     * @throws IOException if the history file cannot be created
     */
    static void prepareJLine(Map<String, String> properties, Path home) throws IOException {
        properties.put("gosh.args", "--login");
        properties.put("gosh.home", home.resolve("conf/jline").toString());
        Path dataDir = home.resolve("data");
        try {
            Files.createFile(dataDir.resolve(HISTORY),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException kept) {
            // the history of earlier sessions
        }
        Thread.currentThread().setContextClassLoader(null);
    }
}
