package ai.cleveragents.events.propertytypes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type for the {@value ai.cleveragents.events.EventBusConstants#EVENT_FILTER}
 * whiteboard property: put {@code @EventFilter("(plan_id=p-1)")} beside {@link EventTypes} on a DS
 * component providing {@link ai.cleveragents.events.EventHandler} (a single-element component property
 * type: its name makes the property {@code event.filter}).
 *
 * @since 1.1
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EventFilter {

    /**
     * @return the LDAP filter over the event's fields
     */
    String value();
}
