package ai.cleveragents.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Requirement;

/**
 * Put on a class of a bundle that needs an {@link ai.cleveragents.events.EventBus} implementation
 * present: bnd then adds an {@code osgi.service} requirement that resolvers (bnd, Karaf features) honour.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Requirement(namespace = "osgi.service",
        filter = "(objectClass=ai.cleveragents.events.EventBus)",
        effective = "active")
public @interface RequireEventBus {
}
