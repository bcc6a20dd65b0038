package ai.cleveragents.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates and deep-copies event details into immutable, JSON-compatible values.
 *
 * <p>Numbers are normalised so that a JSON round trip is lossless: integral values become
 * {@link Long} (or {@link BigInteger} beyond the long range), floating values become {@link Double}
 * (or {@link BigDecimal} where a double would lose digits). Non-finite doubles are rejected.
 */
final class Details {

    /** {@link EventLimits#MAX_DEPTH}; also stops a map that contains itself. */
    static final int MAX_DEPTH = EventLimits.MAX_DEPTH;

    private Details() {
    }

    static Map<String, Object> copyOf(Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        return copyMap(source, "details", 1);
    }

    private static Map<String, Object> copyMap(Map<?, ?> source, String path, int depth) {
        requireDepth(path, depth);
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, source.size() * 4 / 3 + 1));
        for (Map.Entry<?, ?> e : source.entrySet()) {
            Object key = e.getKey();
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("detail key at " + path + " must be a String, got "
                        + (key == null ? "null" : key.getClass().getName()));
            }
            String k = requireKeyLength((String) key, path);
            copy.put(k, copyValue(e.getValue(), path, k, depth));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static String requireKeyLength(String key, String path) {
        if (key.length() > EventLimits.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a detail key at " + path + " has " + key.length()
                    + " characters, over the limit of "
                    + EventLimits.MAX_KEY_LENGTH + " (EventLimits.MAX_KEY_LENGTH)");
        }
        return key;
    }

    private static List<Object> copyList(List<?> source, String path, int depth) {
        requireDepth(path, depth);
        List<Object> copy = new ArrayList<>(source.size());
        int i = 0;
        for (Object o : source) {
            copy.add(copyValue(o, path, i++, depth));
        }
        return Collections.unmodifiableList(copy);
    }

    private static void requireDepth(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("detail " + path + " nests deeper than " + MAX_DEPTH
                    + " levels of maps and lists (or contains itself)");
        }
    }

    /**
     * @param parent the path of the map or list holding the value
     * @param child  its key (a String) or index (an Integer): the value's path is only built when it is
     *               needed, for a nested map or list or an error, not for every plain value
     */
    private static Object copyValue(Object value, String parent, Object child, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof Number) {
            return normalise((Number) value, path(parent, child));
        }
        if (value instanceof Map) {
            return copyMap((Map<?, ?>) value, path(parent, child), depth + 1);
        }
        if (value instanceof List) {
            return copyList((List<?>) value, path(parent, child), depth + 1);
        }
        throw new IllegalArgumentException("detail " + path(parent, child) + " is not JSON-compatible: "
                + value.getClass().getName()
                + " (allowed: null, String, Boolean, Number, List, Map with String keys)");
    }

    private static String path(String parent, Object child) {
        return child instanceof Integer ? parent + "[" + child + "]" : parent + "." + child;
    }

    static Object normalise(Number n, String path) {
        if (n instanceof Long) {
            return n;
        }
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("detail " + path + " is " + d
                        + ", which JSON cannot represent");
            }
            return d;
        }
        if (n instanceof BigInteger) {
            BigInteger b = (BigInteger) n;
            return b.bitLength() < Long.SIZE ? (Object) b.longValue() : requireNumberLength(b, path);
        }
        if (n instanceof BigDecimal) {
            return normalise((BigDecimal) n, path);
        }
        throw new IllegalArgumentException("detail " + path + " has unsupported number type "
                + n.getClass().getName() + " (use Integer, Long, Double, BigInteger or BigDecimal)");
    }

    private static Object normalise(BigDecimal b, String path) {
        double d = b.doubleValue();
        if (!Double.isInfinite(d) && BigDecimal.valueOf(d).compareTo(b) == 0) {
            return d;
        }
        return requireNumberLength(b, path);
    }

    /** The encoder writes big numbers with {@code toString()}: that text must stay within the limit. */
    private static Number requireNumberLength(Number n, String path) {
        int length = n.toString().length();
        if (length > EventLimits.MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException("detail " + path + " is a number of " + length
                    + " characters, over the limit of " + EventLimits.MAX_NUMBER_LENGTH
                    + " (EventLimits.MAX_NUMBER_LENGTH)");
        }
        return n;
    }
}
