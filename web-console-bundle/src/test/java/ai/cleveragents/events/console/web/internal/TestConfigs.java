package ai.cleveragents.events.console.web.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Console configurations for tests: the metatype defaults, with some properties set. */
final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * @param values properties by method name (for example {@code bind_address})
     * @return the configuration
     */
    static WebConsole.Config config(Map<String, Object> values) {
        return (WebConsole.Config) Proxy.newProxyInstance(WebConsole.Config.class.getClassLoader(),
                new Class<?>[] {WebConsole.Config.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getName().equals("annotationType")) {
                        return WebConsole.Config.class;
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
