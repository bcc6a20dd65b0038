package ai.cleveragents.events.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class JsonValuesTest {

    @Test
    public void jsonValuesParse() {
        assertEquals(3, ((Number) JsonValues.parse("3")).intValue());
        assertEquals(new BigDecimal("2.5"), JsonValues.parse("2.5"));
        assertEquals(Boolean.TRUE, JsonValues.parse("true"));
        assertEquals(Boolean.FALSE, JsonValues.parse("false"));
        assertNull(JsonValues.parse("null"));
        assertEquals("quoted", JsonValues.parse("\"quoted\""));
        assertEquals(Map.of("a", List.of("x", 1)), normalise(JsonValues.parse("{\"a\":[\"x\",1]}")));
    }

    @Test
    public void anythingElseIsAString() {
        assertEquals("hello", JsonValues.parse("hello"));
        assertEquals("12abc", JsonValues.parse("12abc"));
        assertEquals("1 2", JsonValues.parse("1 2"));
        assertEquals("", JsonValues.parse(""));
        assertEquals("{broken", JsonValues.parse("{broken"));
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
                JsonValues.write(map));
    }

    private static Object normalise(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(JsonValuesTest::normalise).toList();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, normalise(v)));
            return out;
        }
        return value;
    }
}
