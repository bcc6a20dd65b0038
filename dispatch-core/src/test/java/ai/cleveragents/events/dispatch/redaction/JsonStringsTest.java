package ai.cleveragents.events.dispatch.redaction;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class JsonStringsTest {

    @Test
    public void jsonValuesParse() {
        assertEquals(3, ((Number) JsonStrings.readLenient("3")).intValue());
        assertEquals(new BigDecimal("2.5"), JsonStrings.readLenient("2.5"));
        assertEquals(Boolean.TRUE, JsonStrings.readLenient("true"));
        assertEquals(Boolean.FALSE, JsonStrings.readLenient("false"));
        assertNull(JsonStrings.readLenient("null"));
        assertEquals("quoted", JsonStrings.readLenient("\"quoted\""));
        assertEquals(Map.of("a", List.of("x", 1)), normalise(JsonStrings.readLenient("{\"a\":[\"x\",1]}")));
    }

    @Test
    public void anythingElseIsAString() {
        assertEquals("hello", JsonStrings.readLenient("hello"));
        assertEquals("12abc", JsonStrings.readLenient("12abc"));
        assertEquals("1 2", JsonStrings.readLenient("1 2"));
        assertEquals("", JsonStrings.readLenient(""));
        assertEquals("{broken", JsonStrings.readLenient("{broken"));
    }

    @Test
    public void writesCompactJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "x\"y");
        map.put("n", 3L);
        map.put("d", new BigDecimal("0.10"));
        map.put("b", true);
        map.put("z", null);
        map.put("l", Arrays.asList(1L, Map.of("k", "v")));
        map.put("o", new StringBuilder("other"));
        assertEquals("{\"s\":\"x\\\"y\",\"n\":3,\"d\":0.10,\"b\":true,\"z\":null,\"l\":[1,{\"k\":\"v\"}],\"o\":\"other\"}",
                JsonStrings.write(map));
    }

    private static Object normalise(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(JsonStringsTest::normalise).toList();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, normalise(v)));
            return out;
        }
        return value;
    }
}
