package ai.cleveragents.events.bus.reactive.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds {@link ReactiveBusComponent.Config} instances the way DS does: defaults plus overrides. */
final class Configs {

    private Configs() {
    }

    static ReactiveBusComponent.Config config(Map<String, Object> overrides) {
        return (ReactiveBusComponent.Config) Proxy.newProxyInstance(Configs.class.getClassLoader(),
                new Class<?>[] {ReactiveBusComponent.Config.class}, (proxy, method, args) -> {
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    if (method.getDefaultValue() == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }
}
