package ai.cleveragents.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class DetailsTest {

    private static DomainEvent withDetails(Map<String, ?> details) {
        return DomainEvent.builder(EventType.TOOL_COMPLETED).details(details).build();
    }

    private static DomainEvent withDetail(String key, Object value) {
        return DomainEvent.builder(EventType.TOOL_COMPLETED).detail(key, value).build();
    }

    @Test
    public void mutatingTheSourceAfterBuildChangesNothing() {
        List<Object> args = new ArrayList<>(List.of("a", "b"));
        Map<String, Object> nested = new HashMap<>(Map.of("depth", 1));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("args", args);
        source.put("nested", nested);
        DomainEvent event = withDetails(source);
        Map<String, Object> before = Map.of("args", List.of("a", "b"), "nested", Map.of("depth", 1L));
        assertEquals(before, event.details());

        args.add("c");
        args.set(0, "z");
        nested.put("depth", 2);
        nested.put("extra", true);
        source.put("late", "x");
        source.remove("args");

        assertEquals(before, event.details());
    }

    @Test
    public void mutatingTheBuilderAfterBuildChangesNothing() {
        DomainEvent.Builder builder = DomainEvent.builder(EventType.TOOL_COMPLETED).detail("a", 1);
        DomainEvent event = builder.build();
        builder.detail("a", 2).detail("b", 3);
        assertEquals(Map.of("a", 1L), event.details());
    }

    @Test
    public void returnedMapsAndListsAreUnmodifiableAtEveryDepth() {
        DomainEvent event = withDetail("outer", Map.of("list", List.of(1, Map.of("inner", List.of("x")))));
        Map<String, Object> details = event.details();
        assertThrows(UnsupportedOperationException.class, () -> details.put("k", "v"));
        assertThrows(UnsupportedOperationException.class, () -> details.remove("outer"));
        assertThrows(UnsupportedOperationException.class, details::clear);

        Map<String, Object> outer = asMap(details.get("outer"));
        assertThrows(UnsupportedOperationException.class, () -> outer.put("k", "v"));
        List<Object> list = asList(outer.get("list"));
        assertThrows(UnsupportedOperationException.class, () -> list.add(2));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, 2));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
        Map<String, Object> inner = asMap(list.get(1));
        assertThrows(UnsupportedOperationException.class, () -> inner.remove("inner"));
        List<Object> innerList = asList(inner.get("inner"));
        assertThrows(UnsupportedOperationException.class, () -> innerList.add("y"));
        assertThrows(UnsupportedOperationException.class,
                () -> details.entrySet().iterator().next().setValue("v"));
    }

    @Test
    public void emptyAndNullDetailsAreAnEmptyMap() {
        assertEquals(Map.of(), new DomainEvent(null, EventType.TOOL_FAILED, null, null, null, null, null, null, null,
                null).details());
        assertEquals(Map.of(), withDetails(Map.of()).details());
        assertThrows(UnsupportedOperationException.class, () -> withDetails(Map.of()).details().put("a", 1));
    }

    @Test
    public void insertionOrderIsKept() {
        Map<String, Object> source = new LinkedHashMap<>();
        for (String k : List.of("z", "a", "m", "b")) {
            source.put(k, k);
        }
        assertEquals(List.of("z", "a", "m", "b"), List.copyOf(withDetails(source).details().keySet()));
    }

    @Test
    public void jsonCompatibleValuesAreAccepted() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("null", null);
        source.put("string", "s");
        source.put("true", true);
        source.put("false", Boolean.FALSE);
        source.put("list", Arrays.asList(null, "x", 1L, List.of()));
        source.put("map", Map.of());
        assertEquals(source, withDetails(source).details());
    }

    @Test
    public void nonJsonValuesAreRejectedNamingTheKeyPath() {
        assertRejected("details.when", withDetailValue("when", new Date()), "java.util.Date");
        assertRejected("details.a.b[2]", Map.of("a", Map.of("b", List.of(1, 2, new Object()))), "java.lang.Object");
        assertRejected("details.list[0][1]", Map.of("list", List.of(List.of("x", Optional.empty()))),
                "java.util.Optional");
        assertRejected("details.set", Map.of("set", Set.of(1)), "java.util.ImmutableCollections");
        assertRejected("details.array", Map.of("array", new int[] {1}), "[I");
        assertRejected("details.char", Map.of("char", 'c'), "java.lang.Character");
        assertRejected("details.type", Map.of("type", EventType.PLAN_CREATED), "ai.cleveragents.events.EventType");
    }

    private static Map<String, Object> withDetailValue(String key, Object value) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, value);
        return m;
    }

    private static void assertRejected(String path, Map<String, ?> details, String typeName) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withDetails(details));
        assertTrue(e.getMessage(), e.getMessage().startsWith("detail " + path + " is not JSON-compatible: " + typeName));
        assertTrue(e.getMessage(), e.getMessage().contains("allowed: null, String, Boolean, Number, List, Map"));
    }

    @Test
    public void nestedMapKeysMustBeStrings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withDetail("m", Map.of(1, "one")));
        assertEquals("detail key at details.m must be a String, got java.lang.Integer", e.getMessage());
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        e = assertThrows(IllegalArgumentException.class, () -> withDetail("list", List.of(nullKey)));
        assertEquals("detail key at details.list[0] must be a String, got null", e.getMessage());
    }

    @Test
    public void topLevelMapKeysMustBeStringsToo() {
        Map<Object, Object> raw = new HashMap<>();
        raw.put(7, "seven");
        @SuppressWarnings("unchecked")
        Map<String, Object> smuggled = (Map<String, Object>) (Map<?, ?>) raw;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DomainEvent(null, EventType.TOOL_FAILED, null, null, null, null, null, null, null, smuggled));
        assertEquals("detail key at details must be a String, got java.lang.Integer", e.getMessage());
    }

    /** A list nested {@code levels} deep: 1 is an empty list. */
    static List<Object> nestedLists(int levels) {
        List<Object> list = List.of();
        for (int i = 1; i < levels; i++) {
            list = List.of(list);
        }
        return list;
    }

    @Test
    public void nestingIsLimitedTo63Levels() {
        Map<String, Object> deepest = Map.of("a", nestedLists(Details.MAX_DEPTH - 1));
        assertEquals(deepest, withDetails(deepest).details());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withDetail("a", nestedLists(Details.MAX_DEPTH)));
        assertEquals("detail details.a" + "[0]".repeat(Details.MAX_DEPTH - 1)
                + " nests deeper than 63 levels of maps and lists (or contains itself)", e.getMessage());
    }

    @Test
    public void aMapContainingItselfIsRejected() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withDetail("loop", loop));
        assertTrue(e.getMessage(), e.getMessage().startsWith("detail details.loop.self.self."));
        List<Object> listLoop = new ArrayList<>();
        listLoop.add(listLoop);
        assertThrows(IllegalArgumentException.class, () -> withDetail("list", listLoop));
    }

    @Test
    public void integralNumbersBecomeLongs() {
        assertNormalised(7L, 7);
        assertNormalised(7L, (short) 7);
        assertNormalised(7L, (byte) 7);
        assertNormalised(7L, 7L);
        assertNormalised(Long.MAX_VALUE, BigInteger.valueOf(Long.MAX_VALUE));
        assertNormalised(Long.MIN_VALUE, BigInteger.valueOf(Long.MIN_VALUE));
    }

    @Test
    public void bigIntegersBeyondLongAreKept() {
        BigInteger big = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        assertNormalised(big, big);
        BigInteger huge = BigInteger.TEN.pow(400).negate();
        assertNormalised(huge, huge);
    }

    @Test
    public void floatingNumbersBecomeDoubles() {
        assertNormalised(2.5d, 2.5f);
        assertNormalised(0.1d, 0.1d);
        assertNormalised((double) 0.1f, 0.1f);
        assertNormalised(0.1d, new BigDecimal("0.1"));
        assertNormalised(0.1d, new BigDecimal("0.1000"));
        assertNormalised(5.0d, new BigDecimal("5"));
        assertNormalised(-0.0d, -0.0d);
        assertNormalised(Double.MAX_VALUE, Double.MAX_VALUE);
    }

    @Test
    public void decimalsADoubleCannotHoldAreKept() {
        BigDecimal precise = new BigDecimal("0.12345678901234567890123456789");
        assertNormalised(precise, precise);
        BigDecimal beyondDouble = new BigDecimal("1E+400");
        assertNormalised(beyondDouble, beyondDouble);
    }

    @Test
    public void nonFiniteNumbersAreRejectedNamingTheKeyPath() {
        for (Number n : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN,
                Float.NEGATIVE_INFINITY)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> withDetail("m", Map.of("ratio", List.of(n))));
            assertEquals("detail details.m.ratio[0] is " + n.doubleValue() + ", which JSON cannot represent",
                    e.getMessage());
        }
    }

    @Test
    public void otherNumberTypesAreRejectedNamingTheKeyPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withDetail("count", new AtomicLong(3)));
        assertTrue(e.getMessage(), e.getMessage().startsWith(
                "detail details.count has unsupported number type java.util.concurrent.atomic.AtomicLong"));
    }

    private static void assertNormalised(Object expected, Number given) {
        Object stored = withDetail("n", given).details().get("n");
        assertEquals(expected, stored);
        assertSame(expected.getClass(), stored.getClass());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) {
        return (List<Object>) o;
    }
}
