package ai.cleveragents.events.bus.logging.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Typed configuration instances as SCR would build them: the given values, the annotation defaults for the rest. */
final class Configs {

    private Configs() {
    }

    static LoggingEventBus.Config config(Map<String, Object> values) {
        return (LoggingEventBus.Config) Proxy.newProxyInstance(Configs.class.getClassLoader(),
                new Class<?>[] {LoggingEventBus.Config.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return LoggingEventBus.Config.class;
                    }
                    return values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }
}
