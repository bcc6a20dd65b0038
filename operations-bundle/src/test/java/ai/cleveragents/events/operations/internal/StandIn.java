package ai.cleveragents.events.operations.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A stand-in for a service or value interface of the OSGi specifications whose real implementation
 * lives in another bundle (Config Admin, Metatype, SCR, Log Service): answers the named methods and
 * fails loudly on any other, so a test cannot silently depend on behaviour it did not state.
 */
final class StandIn {

    /** What a stand-in method returns (or throws) for its arguments. */
    @FunctionalInterface
    interface Answer {
        Object apply(Object[] args) throws Exception;
    }

    private StandIn() {
    }

    static <T> T of(Class<T> type, Map<String, Answer> answers) {
        return type.cast(Proxy.newProxyInstance(StandIn.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Answer answer = answers.get(method.getName());
                    if (answer != null) {
                        return answer.apply(args);
                    }
                    if (method.getName().equals("toString")) {
                        return type.getSimpleName() + " stand-in";
                    }
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                }));
    }
}
