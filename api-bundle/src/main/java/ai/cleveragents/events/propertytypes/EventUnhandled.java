package ai.cleveragents.events.propertytypes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type for the {@value ai.cleveragents.events.EventBusConstants#EVENT_UNHANDLED}
 * whiteboard property: an {@link ai.cleveragents.events.EventHandler} component annotated with
 * {@code @EventUnhandled} receives the events no other handler received.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EventUnhandled {

    /**
     * @return {@code true} to receive unhandled events
     */
    boolean value() default true;
}
