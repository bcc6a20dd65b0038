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

    private Details() {
    }

    static Map<String, Object> copyOf(Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        return copyMap(source, "details");
    }

    private static Map<String, Object> copyMap(Map<?, ?> source, String path) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, source.size() * 4 / 3 + 1));
        for (Map.Entry<?, ?> e : source.entrySet()) {
            Object key = e.getKey();
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("detail key at " + path + " must be a String, got "
                        + (key == null ? "null" : key.getClass().getName()));
            }
            String k = (String) key;
            copy.put(k, copyValue(e.getValue(), path + "." + k));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> copyList(List<?> source, String path) {
        List<Object> copy = new ArrayList<>(source.size());
        int i = 0;
        for (Object o : source) {
            copy.add(copyValue(o, path + "[" + i++ + "]"));
        }
        return Collections.unmodifiableList(copy);
    }

    private static Object copyValue(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            return normalise((Number) value, path);
        }
        if (value instanceof Map) {
            return copyMap((Map<?, ?>) value, path);
        }
        if (value instanceof List) {
            return copyList((List<?>) value, path);
        }
        throw new IllegalArgumentException("detail " + path + " is not JSON-compatible: "
                + value.getClass().getName()
                + " (allowed: null, String, Boolean, Number, List, Map with String keys)");
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
            return b.bitLength() < Long.SIZE ? (Object) b.longValue() : b;
        }
        if (n instanceof BigDecimal) {
            return normalise((BigDecimal) n);
        }
        throw new IllegalArgumentException("detail " + path + " has unsupported number type "
                + n.getClass().getName() + " (use Integer, Long, Double, BigInteger or BigDecimal)");
    }

    private static Object normalise(BigDecimal b) {
        double d = b.doubleValue();
        if (!Double.isInfinite(d) && BigDecimal.valueOf(d).compareTo(b) == 0) {
            return d;
        }
        return b;
    }
}
