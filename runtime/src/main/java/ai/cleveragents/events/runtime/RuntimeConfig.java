package ai.cleveragents.events.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The framework properties: {@code conf/config.properties}, with {@code ${name}} placeholders replaced
 * from the other properties and the system properties ({@code cleveragents.home} is always set), and any
 * system property of the same name overriding the file.
 */
final class RuntimeConfig {

    /** The property holding the distribution's root folder. */
    static final String HOME = "cleveragents.home";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final int MAX_DEPTH = 10;

    private RuntimeConfig() {
    }

    /**
     * @param home   the distribution's root folder
     * @param system the system properties (overrides and placeholder values)
     * @return the framework properties, sorted by name
     * @throws IOException if {@code conf/config.properties} cannot be read
     */
    static Map<String, String> load(Path home, Properties system) throws IOException {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(home.resolve("conf/config.properties"), StandardCharsets.UTF_8)) {
            file.load(in);
        }
        Map<String, String> raw = new TreeMap<>();
        for (String name : file.stringPropertyNames()) {
            raw.put(name, system.getProperty(name, file.getProperty(name)));
        }
        raw.put(HOME, home.toAbsolutePath().normalize().toString());
        Map<String, String> resolved = new TreeMap<>();
        raw.forEach((name, value) -> resolved.put(name, substitute(value, key -> raw.containsKey(key)
                ? raw.get(key) : system.getProperty(key, ""), 0)));
        return resolved;
    }

    private static String substitute(String value, UnaryOperator<String> lookup, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("placeholders nested too deep in '" + value + "'");
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(substitute(lookup.apply(m.group(1)), lookup, depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
