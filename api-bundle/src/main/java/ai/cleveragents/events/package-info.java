/**
 * Typed domain events and the {@link ai.cleveragents.events.EventBus} service.
 *
 * <p>Consumers (code that emits events or implements {@link ai.cleveragents.events.EventHandler})
 * should import this package with the range {@code [1.1,2.0)} (or {@code [1.0,2.0)} if they use nothing added in 1.1); providers of
 * {@link ai.cleveragents.events.EventBus} implementations with {@code [1.1,1.2)}.
 */
@Export
@Version("1.1.0")
package ai.cleveragents.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
