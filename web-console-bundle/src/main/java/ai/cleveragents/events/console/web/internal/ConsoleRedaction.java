package ai.cleveragents.events.console.web.internal;

import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import ai.cleveragents.events.dispatch.redaction.DetailRedactor;
import ai.cleveragents.events.dispatch.redaction.RedactionPolicyTracker;

/**
 * The console's view of the runtime's one redaction policy
 * ({@value ai.cleveragents.events.dispatch.redaction.RedactionPolicy#PID}), as in the shell: while this
 * component is active every page masks with the configured policy, followed live; otherwise with the
 * default policy (never with none).
 */
@Component(service = {}, immediate = true)
public final class ConsoleRedaction {

    private static final Supplier<DetailRedactor> DEFAULTS = DetailRedactor::defaults;

    private static volatile Supplier<DetailRedactor> policy = DEFAULTS;

    private final RedactionPolicyTracker tracker;

    /** @param context this bundle's context */
    @Activate
    public ConsoleRedaction(BundleContext context) {
        this.tracker = RedactionPolicyTracker.open(context);
        policy = tracker;
    }

    @Deactivate
    void deactivate() {
        policy = DEFAULTS;
        tracker.close();
    }

    /** @return the redactor of the current policy */
    static DetailRedactor current() {
        return policy.get();
    }
}
