package ai.cleveragents.events.propertytypes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type for the {@value ai.cleveragents.events.EventBusConstants#EVENT_TYPES}
 * whiteboard property: put {@code @EventTypes("plan.*")} on a DS component providing
 * {@link ai.cleveragents.events.EventHandler}.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EventTypes {

    /**
     * @return selectors: ids, {@code domain.*} or {@code *}
     */
    String[] value();
}
