package ai.cleveragents.events.dispatch;

import org.osgi.framework.Bundle;

/**
 * Names of emitting bundles as the journal records them: {@code <symbolic name>/<version>}, or
 * {@value #UNKNOWN} where no bundle is known (outside OSGi). Restricted to the characters a bundle
 * symbolic name and version may hold, so an emitter never needs escaping in JSON or on a terminal.
 */
public final class Emitters {

    /** The emitter of events emitted without a bundle. */
    public static final String UNKNOWN = "unknown";

    private static final int MAX_LENGTH = 255;

    private Emitters() {
    }

    /**
     * @param owner the owner of a bus view: an OSGi bundle, or anything else outside OSGi
     * @return the bundle's emitter name, or {@value #UNKNOWN}
     */
    public static String ofOwner(Object owner) {
        if (owner instanceof Bundle b) {
            return of(b.getSymbolicName(), b.getVersion().toString());
        }
        return UNKNOWN;
    }

    /**
     * @param symbolicName a bundle symbolic name, or {@code null}
     * @param version      its version, or {@code null}
     * @return {@code symbolicName/version} with every other character replaced by {@code _}, at most
     *         255 characters, or {@value #UNKNOWN} when {@code symbolicName} is {@code null} or empty
     */
    public static String of(String symbolicName, String version) {
        if (symbolicName == null || symbolicName.isEmpty()) {
            return UNKNOWN;
        }
        String raw = version == null ? symbolicName : symbolicName + "/" + version;
        StringBuilder b = new StringBuilder(Math.min(raw.length(), MAX_LENGTH));
        for (int i = 0; i < raw.length() && b.length() < MAX_LENGTH; i++) {
            char c = raw.charAt(i);
            b.append(c < 0x80 && isAllowed((byte) c) ? c : '_');
        }
        return b.toString();
    }

    /**
     * @param c a byte of an emitter name
     * @return {@code true} if an emitter name may hold it
     */
    public static boolean isAllowed(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '-' || c == '/';
    }
}
