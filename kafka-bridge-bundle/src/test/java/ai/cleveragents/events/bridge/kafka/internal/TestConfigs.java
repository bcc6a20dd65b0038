package ai.cleveragents.events.bridge.kafka.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Typed configurations as DS builds them: each property from the map, else the annotation's default. */
final class TestConfigs {

    private TestConfigs() {
    }

    static KafkaBridge.Config config(Map<String, ?> properties) {
        return (KafkaBridge.Config) Proxy.newProxyInstance(KafkaBridge.Config.class.getClassLoader(),
                new Class<?>[] {KafkaBridge.Config.class}, (proxy, method, args) -> value(method, properties));
    }

    private static Object value(Method method, Map<String, ?> properties) {
        if (method.getName().equals("annotationType")) {
            return KafkaBridge.Config.class;
        }
        Object v = properties.get(method.getName().replace('_', '.'));
        if (v == null) {
            return method.getDefaultValue() == null ? "" : method.getDefaultValue();
        }
        Class<?> type = method.getReturnType();
        if (type.isEnum()) {
            return enumValue(type, v.toString());
        }
        if (type == int.class) {
            return Integer.valueOf(v.toString());
        }
        if (type == long.class) {
            return Long.valueOf(v.toString());
        }
        return v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    static BridgeSettings settings(Map<String, ?> properties) {
        return BridgeSettings.of(config(properties), new HashMap<>(properties));
    }
}
