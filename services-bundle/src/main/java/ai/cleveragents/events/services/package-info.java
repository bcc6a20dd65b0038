/**
 * Decision and plan services: {@link ai.cleveragents.events.services.DecisionService} records decisions
 * taken during a plan, {@link ai.cleveragents.events.services.PlanLifecycleService} creates plans from
 * named actions and moves them through their {@link ai.cleveragents.events.services.PlanPhase phases}.
 * Both emit domain events on the best-ranked {@link ai.cleveragents.events.EventBus} present, follow it
 * when it is swapped, and keep working (emitting nothing) when there is none.
 *
 * <p>Consumers (code that calls the services) should import this package with the range
 * {@code [1.0,2.0)}; providers of implementations with {@code [1.0,1.1)}.
 */
@Export
@Version("1.0.0")
package ai.cleveragents.events.services;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
