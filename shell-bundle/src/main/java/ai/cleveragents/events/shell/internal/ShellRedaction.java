package ai.cleveragents.events.shell.internal;

import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import ai.cleveragents.events.dispatch.redaction.DetailRedactor;
import ai.cleveragents.events.dispatch.redaction.RedactionPolicyTracker;

/**
 * The shell's view of the runtime's one redaction policy
 * ({@value ai.cleveragents.events.dispatch.redaction.RedactionPolicy#PID}): while this component is
 * active every command masks with the configured policy, followed live; before it activates, and after,
 * with the default policy (never with none). One per bundle, shared by the commands of the bundle.
 */
@Component(service = {}, immediate = true)
public final class ShellRedaction {

    private static final Supplier<DetailRedactor> DEFAULTS = DetailRedactor::defaults;

    /** The policy every command of this bundle masks with. */
    private static volatile Supplier<DetailRedactor> policy = DEFAULTS;

    private final RedactionPolicyTracker tracker;

    /** @param context this bundle's context */
    @Activate
    public ShellRedaction(BundleContext context) {
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
