package ai.cleveragents.events.propertytypes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type for the {@value ai.cleveragents.events.EventBusConstants#EVENT_OBSERVER}
 * whiteboard property: an {@link ai.cleveragents.events.EventHandler} component annotated with
 * {@code @EventObserver} (beside {@link EventTypes}) receives its events without counting as a receiver,
 * so events that reach only observers stay unhandled.
 *
 * @since 1.1
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EventObserver {

    /**
     * @return {@code true} to observe rather than handle
     */
    boolean value() default true;
}
